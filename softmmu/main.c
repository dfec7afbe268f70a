/*
 * softmmu/main.c: the lemu program's entry point; everything else is in
 * liblemu (softmmu/vl.c parses the options, builds the machine and runs it),
 * so that tests can link all of lemu but main().
 */
#include "config.h"

#include "lemu/machine.h"

int main(int argc, char **argv)
{
    return lemu_main(argc, argv);
}

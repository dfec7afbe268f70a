/*
 * softmmu/main.c: the lemu program's entry point; everything else is in
 * liblemu (softmmu/vl.c parses the options and starts the machine).
 */
#include "config.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("lemu %s\n", PACKAGE_VERSION);
    return 0;
}

/*
 * softmmu/main.c: the lemu program's entry point; everything else is in
 * liblemu (softmmu/vl.c parses the options, builds the machine and runs it),
 * so that tests can link all of lemu but main().
 */
#include "config.h"

#include <signal.h>

#include "lemu/machine.h"

int main(int argc, char **argv)
{
    /*
     * A console reader that goes away must not kill lemu mid-run: writes
     * then fail with EPIPE, which the console devices handle.
     */
    signal(SIGPIPE, SIG_IGN);
    return lemu_main(argc, argv);
}

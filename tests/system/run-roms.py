"""tests/system/run-roms.py: every rom under roms/ (ISA tests and demos, or
the virt-board tests) runs on lemu, and its console text and exit status
must equal the expected files roms/<name>.expected and roms/<name>.status.
lemu runs with --max-insns as a guard against guests that never finish,
and a wall-clock timeout on top.

    run-roms.py [--board spike|virt] [--emu "CMD"] [-j N] [--timeout S]
                [rom ...]

--board picks the roms (default spike: roms/tests and the demos; virt:
roms/virt-tests) and the board lemu emulates.  CMD is the emulator command
the ELF path is appended to (or that contains {elf}); the default is $LEMU
(or $top_builddir/lemu) with "-M BOARD -nographic [-bios none] --max-insns
$LEMU_MAX_INSNS -kernel".  Roms are named as under roms/ without .elf
("tests/rv64m", "hello", "virt-tests/pmp-tor"); named roms run on their
own board (romrun.rom_board) unless --emu is given.  Default: all roms of
the board.  Roms listed in romrun.LEMU_KNOWN_BUGS are expected to fail on
lemu (XFAIL); one that passes fails the run (XPASS) until it is taken off
the list.  Exit status: 0 all passed, 1 a rom failed, 99 the emulator is
missing.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import romrun  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--board", choices=romrun.BOARDS, default="spike")
    ap.add_argument("--emu", help="emulator command prefix")
    ap.add_argument("-j", "--jobs", type=int, default=romrun.default_jobs())
    ap.add_argument("--timeout", type=float, default=romrun.DEFAULT_TIMEOUT)
    ap.add_argument("roms", nargs="*")
    args = ap.parse_args()

    names = args.roms or romrun.board_roms(args.board)
    boards = {n: (args.board if not args.roms else romrun.rom_board(n))
              for n in names}
    commands = {b: args.emu or romrun.lemu_command(board=b)
                for b in set(boards.values())}
    for command in commands.values():
        missing = romrun.emulator_missing(command)
        if missing:
            romrun.log(f"run-roms: {missing}")
            return 99
    for b, command in sorted(commands.items()):
        count = sum(1 for n in names if boards[n] == b)
        romrun.log(f"run-roms: {count} roms on: {command}")

    elfs = {n: romrun.rom_elf(n) for n in names}
    results = {}
    for b, command in commands.items():
        runnable = [elfs[n] for n in names
                    if boards[n] == b and os.path.exists(elfs[n])]
        results.update(zip(runnable, romrun.run_many(command, runnable,
                                                     args.jobs, args.timeout)))
    failed = xfailed = 0
    for name in names:
        elf = elfs[name]
        if elf not in results:
            romrun.log(f"FAIL: {name}: {elf} not built")
            failed += 1
            continue
        r = results[elf]
        text, status = romrun.rom_expected(name)
        problems = []
        if r.status != status:
            problems.append(f"{r.describe_status()}, expected {status}")
        diff = romrun.first_difference(text, r.out)
        if diff:
            problems.append("console differs:\n" + diff)
        bug = romrun.LEMU_KNOWN_BUGS.get(name)
        if problems and bug and not args.emu:
            xfailed += 1
            romrun.log(f"XFAIL: {name}: known lemu bug ({bug}): "
                       + "; ".join(problems))
        elif problems:
            failed += 1
            romrun.log(f"FAIL: {name}: " + "; ".join(problems))
            if r.err:
                romrun.log(romrun.stderr_tail(r.err))
        elif bug and not args.emu:
            failed += 1
            romrun.log(f"XPASS: {name}: passes although listed in "
                       f"romrun.LEMU_KNOWN_BUGS: remove it there ({bug})")
        else:
            romrun.log(f"PASS: {name} ({r.seconds:.2f} s)")
    romrun.log(f"run-roms: {len(names) - failed - xfailed} passed, "
               f"{xfailed} known lemu bugs, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""tests/system/run-roms.py: every rom under roms/ (ISA tests and demos) runs
on lemu, and its console text and exit status must equal the expected files
roms/<name>.expected and roms/<name>.status.  lemu runs with --max-insns as
a guard against guests that never finish, and a wall-clock timeout on top.

    run-roms.py [--emu "CMD"] [-j N] [--timeout S] [rom ...]

CMD is the emulator command the ELF path is appended to (or that contains
{elf}); the default is $LEMU (or $top_builddir/lemu) with
"-M spike -nographic --max-insns $LEMU_MAX_INSNS -kernel".  Roms are named
as under roms/ without .elf ("tests/rv64m", "hello"); default: all of them.
Exit status: 0 all passed, 1 a rom failed, 99 the emulator is missing.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import romrun  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--emu", help="emulator command prefix")
    ap.add_argument("-j", "--jobs", type=int, default=romrun.default_jobs())
    ap.add_argument("--timeout", type=float, default=romrun.DEFAULT_TIMEOUT)
    ap.add_argument("roms", nargs="*")
    args = ap.parse_args()

    command = args.emu or romrun.lemu_command()
    missing = romrun.emulator_missing(command)
    if missing:
        romrun.log(f"run-roms: {missing}")
        return 99
    names = args.roms or romrun.find_roms()
    romrun.log(f"run-roms: {len(names)} roms on: {command}")

    elfs = [romrun.rom_elf(n) for n in names]
    runnable = [e for e in elfs if os.path.exists(e)]
    results = dict(zip(runnable, romrun.run_many(command, runnable,
                                                 args.jobs, args.timeout)))
    failed = 0
    for name, elf in zip(names, elfs):
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
        if problems:
            failed += 1
            romrun.log(f"FAIL: {name}: " + "; ".join(problems))
            if r.err:
                romrun.log(romrun.stderr_tail(r.err))
        else:
            romrun.log(f"PASS: {name} ({r.seconds:.2f} s)")
    romrun.log(f"run-roms: {len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

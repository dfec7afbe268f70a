"""tests/difftest/difftest-roms.py: every rom of a board (spike: ISA tests
and demos; virt: roms/virt-tests) runs on qemu-system-riscv64 and on lemu;
console text and exit status must be identical.  Roms that qemu 7.2 is
known to run against the spec (romrun.QEMU_DEVIATIONS and
QEMU_VIRT_DEVIATIONS) and roms showing a known lemu bug (LEMU_KNOWN_BUGS)
are reported as expected differences, not failures.

    difftest-roms.py [--board spike|virt] [--ref "CMD"] [--emu "CMD"]
                     [-j N] [rom ...]

--ref is the reference emulator command (default: $QEMU_RISCV64 -M BOARD
-cpu $LEMU_QEMU_CPU -bios none -nographic -kernel), --emu the one under
test (default: lemu as in tests/system/run-roms.py); each gets the ELF path
appended (or substituted for {elf}).  Named roms run on the --board given
(default spike).  Running with qemu on both sides checks
the harness itself.  Exit status: 0 no unexpected difference, 1 some, 99 an
emulator is missing.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "system"))
import romrun  # noqa: E402


def compare(ref, emu):
    """None if the two runs agree, else what differs."""
    problems = []
    if ref.status != emu.status:
        problems.append(f"reference {ref.describe_status()}, "
                        f"tested {emu.describe_status()}")
    diff = romrun.first_difference(ref.out, emu.out)
    if diff:
        problems.append("console differs (expected = reference):\n" + diff)
    return "; ".join(problems) or None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--board", choices=romrun.BOARDS, default="spike")
    ap.add_argument("--ref", help="reference emulator command prefix")
    ap.add_argument("--emu", help="tested emulator command prefix")
    ap.add_argument("-j", "--jobs", type=int, default=romrun.default_jobs())
    ap.add_argument("--timeout", type=float, default=romrun.DEFAULT_TIMEOUT)
    ap.add_argument("roms", nargs="*")
    args = ap.parse_args()

    ref_cmd = args.ref or romrun.qemu_command(args.board)
    emu_cmd = args.emu or romrun.lemu_command(board=args.board)
    for cmd in (ref_cmd, emu_cmd):
        missing = romrun.emulator_missing(cmd)
        if missing:
            romrun.log(f"difftest-roms: {missing}")
            return 99
    names = args.roms or romrun.board_roms(args.board)
    romrun.log(f"difftest-roms: {len(names)} roms\n  reference: {ref_cmd}\n"
               f"  tested:    {emu_cmd}")

    elfs = [romrun.rom_elf(n) for n in names]
    missing = [n for n, e in zip(names, elfs) if not os.path.exists(e)]
    for n in missing:
        romrun.log(f"FAIL: {n}: {romrun.rom_elf(n)} not built")
    todo = [(n, e) for n, e in zip(names, elfs) if os.path.exists(e)]
    ref = romrun.run_many(ref_cmd, [e for _, e in todo], args.jobs,
                          args.timeout)
    emu = romrun.run_many(emu_cmd, [e for _, e in todo], args.jobs,
                          args.timeout)

    failed = len(missing)
    expected_diffs = 0
    for (name, _), r, e in zip(todo, ref, emu):
        why = compare(r, e)
        known = romrun.qemu_deviation(name)
        bug = romrun.LEMU_KNOWN_BUGS.get(name)
        if why and bug and not args.emu:
            expected_diffs += 1
            romrun.log(f"XFAIL: {name}: known lemu bug ({bug})")
        elif why and known:
            expected_diffs += 1
            romrun.log(f"XFAIL: {name}: differs as expected ({known})")
        elif why:
            failed += 1
            romrun.log(f"FAIL: {name}: {why}")
            if e.err:
                romrun.log(romrun.stderr_tail(e.err))
        elif known:
            romrun.log(f"PASS: {name} (agrees although listed as a qemu "
                       f"deviation: {known})")
        else:
            romrun.log(f"PASS: {name}")
    romrun.log(f"difftest-roms: {len(names) - failed - expected_diffs} agree, "
               f"{expected_diffs} expected differences, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

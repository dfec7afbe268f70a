#!/usr/bin/env python3
"""tests/bench/boot-time.py: how long lemu and qemu-system-riscv64 take from
start to U-Boot's `=>` prompt on the virt board, side by side, for OpenSBI +
S-mode U-Boot (also with -smp 4) and for the M-mode U-Boot alone.

    boot-time.py [--lemu PATH] [--qemu PATH] [--runs N]

Each run starts the emulator with its console on a pipe, waits for U-Boot's
"Hit any key to stop autoboot", stops the countdown with a key at once and
waits for the prompt: the time is from before the emulator starts to the
prompt, so it covers start-up, firmware and U-Boot, but not the autoboot
delay.  Then `poweroff` ends the run.  The table shows the median of --runs
runs (and the fastest and slowest of them).  A missing emulator or firmware,
or a run that fails, shows n/a.  `make bench` runs this as bench-boot.
"""

import argparse
import os
import shutil
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "system"))
import bootcon  # noqa: E402

TIMEOUT = 120

FLAVOURS = [
    ("OpenSBI + U-Boot (S-mode)", lambda: bootcon.smode_uboot_args(),
     (bootcon.FW_JUMP, bootcon.UBOOT_SMODE)),
    ("OpenSBI + U-Boot, -smp 4", lambda: bootcon.smode_uboot_args(smp=4),
     (bootcon.FW_JUMP, bootcon.UBOOT_SMODE)),
    ("U-Boot (M-mode)", lambda: bootcon.mmode_uboot_args(),
     (bootcon.UBOOT_MMODE,)),
]


def boot_once(emu, args):
    """Seconds from start to the prompt, or (None, reason)."""
    start = time.monotonic()
    con = bootcon.Console([emu] + args, "pipe")
    try:
        con.uboot_prompt(TIMEOUT)
        seconds = time.monotonic() - start
        con.send("poweroff" + con.enter)
        con.wait(TIMEOUT, "the emulator to exit after poweroff")
    except bootcon.ConsoleError as e:
        return None, str(e).splitlines()[0]
    finally:
        con.kill()
    return seconds, None


def measure(emu, args, runs):
    """(median, min, max) seconds, or (None, reason)."""
    times = []
    for _ in range(runs):
        seconds, reason = boot_once(emu, args)
        if seconds is None:
            return None, reason
        times.append(seconds)
    return (statistics.median(times), min(times), max(times)), None


def fmt(result):
    if result is None:
        return f"{'n/a':>22}"
    med, lo, hi = result
    return f"{med:8.3f} ({lo:.3f}-{hi:.3f})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lemu", default="./lemu")
    ap.add_argument("--qemu", default=os.environ.get("QEMU_RISCV64") or "qemu-system-riscv64")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    emus = []
    for name, path in (("lemu", args.lemu), ("qemu", args.qemu)):
        found = path and (shutil.which(path) if os.sep not in path else
                          (path if os.access(path, os.X_OK) else None))
        emus.append((name, found))
        if not found:
            print(f"bench-boot: {name} not found ({path or 'not configured'}): its column is n/a")

    print(f"bench-boot: seconds from start to U-Boot's prompt, virt board, -m 256M, "
          f"median (fastest-slowest) of {args.runs} runs; autoboot stopped at once")
    print(f"{'':28}{'lemu':>22}  {'qemu':>22}  lemu/qemu")
    notes = []
    for label, make_args, files in FLAVOURS:
        missing = bootcon.missing_firmware(*files)
        results = []
        for name, emu in emus:
            if missing or not emu:
                results.append(None)
                continue
            result, reason = measure(emu, make_args(), args.runs)
            if result is None:
                notes.append(f"{label} on {name}: {reason}")
            results.append(result)
        ratio = ""
        if results[0] and results[1]:
            ratio = f"{results[0][0] / results[1][0]:8.2f}x"
        print(f"{label:28}{fmt(results[0])}  {fmt(results[1])}  {ratio}")
        if missing:
            notes.append(f"{label}: {missing} is not installed (packages opensbi, u-boot-qemu)")
    for note in notes:
        print(f"  n/a: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""tests/difftest/random-difftest.py: random RV64IMAC programs (rvgen.py) run
on qemu-system-riscv64 and on lemu; the register dumps and buffer checksums
they print must be identical.

    random-difftest.py [--board spike|virt] [--count N] [--per-elf M]
                       [--seed S] [--ref "CMD"] [--emu "CMD"] [-j J]
                       [--keep DIR]

--board spike (the default) runs M-mode programs on -M spike; --board virt
runs S-mode programs under an Sv39 page table (rvgen.SModeGenerator, the
harness roms/virt/smode-run.c) on -M virt, and also compares the A/D bits
the page walk set.

Program i has seed S + i, so one program is reproduced with
"--seed <its seed> --count 1".  S defaults to $LEMU_DIFFTEST_SEED, else to a
fresh value (printed first).  To keep compilation and start-up cheap, M
programs share one ELF and run one after the other (each sets every
register and its own buffer first).  Compiling uses $RISCV_CC (default
riscv64-unknown-elf-gcc) and the runtime objects in
$top_builddir/roms/common.  Exit status: 0 all agree, 1 a mismatch, 99 a
missing emulator or a build failure.
"""

import argparse
import concurrent.futures
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "system"))
import romrun  # noqa: E402
import rvgen  # noqa: E402

CC_FLAGS = ["-march=rv64imac_zicsr_zifencei", "-mabi=lp64", "-mcmodel=medany"]
LD_FLAGS = ["-march=rv64imac", "-mabi=lp64", "--specs=picolibc.specs",
            "-nostartfiles", "-DPICOLIBC_INTEGER_PRINTF_SCANF",
            "-Wl,--gc-sections", "-Wl,--no-warn-rwx-segments"]
# The runtime objects under $top_builddir/roms, per board.
RUNTIME = {
    "spike": ["common/crt0.rv.o", "common/htif.rv.o", "common/dump.rv.o"],
    "virt": ["common/crt0.rv.o", "common/dump.rv.o", "virt/console.rv.o",
             "virt/vtrap.rv.o", "virt/vm.rv.o", "virt/smode-run.rv.o"],
}


def build(cc, workdir, index, seeds, board="spike"):
    """Write, assemble and link one ELF; returns (elf, error or None)."""
    src = os.path.join(workdir, f"random{index:03d}.S")
    elf = src[:-2] + ".elf"
    make = rvgen.smode_program_file if board == "virt" else rvgen.program_file
    with open(src, "w") as f:
        f.write(make(seeds))
    obj = src[:-2] + ".o"
    roms = os.path.join(romrun.builddir(), "roms")
    includes = ["-I" + os.path.join(romrun.srcdir(), "roms", d)
                for d in ("virt", "common")]
    # Two steps, as for the roms: the Z extensions to assemble, plain
    # rv64imac to link (it selects picolibc's multilib).
    steps = [shlex.split(cc) + CC_FLAGS + includes + ["-c", "-o", obj, src],
             shlex.split(cc) + LD_FLAGS
             + ["-T", os.path.join(romrun.srcdir(), "roms", "common", "link.ld"),
                "-o", elf, obj] + [os.path.join(roms, o) for o in RUNTIME[board]]]
    for argv in steps:
        p = subprocess.run(argv, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        if p.returncode != 0:
            return elf, p.stdout.decode("utf-8", "replace")
    return elf, None


def split_programs(out):
    """{seed: [lines]} from an ELF's console output, in order."""
    progs = {}
    current = None
    for line in out.decode("utf-8", "replace").splitlines():
        if line.startswith("seed "):
            try:
                current = int(line.split()[1], 16)
            except ValueError:
                current = None
            progs[current] = []
        elif current is not None:
            progs[current].append(line)
    return progs


def first_mismatch(seeds, ref, emu):
    """(seed, message) of the first program whose dumps differ, or None."""
    ref_progs = split_programs(ref.out)
    emu_progs = split_programs(emu.out)
    for seed in seeds:
        r = ref_progs.get(seed)
        e = emu_progs.get(seed)
        if r is None:
            return seed, ("the reference printed nothing for this program "
                          f"({ref.describe_status()})")
        if e is None:
            return seed, ("the tested emulator printed nothing for this "
                          f"program ({emu.describe_status()})")
        for i in range(max(len(r), len(e))):
            rl = r[i] if i < len(r) else "<missing>"
            el = e[i] if i < len(e) else "<missing>"
            if rl != el:
                name = (rl.split() or ["?"])[0]
                return seed, (f"first mismatching register {name}: reference "
                              f"{rl!r}, tested {el!r}")
    if ref.status != emu.status:
        return seeds[-1], (f"exit: reference {ref.describe_status()}, tested "
                           f"{emu.describe_status()}")
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--board", choices=romrun.BOARDS, default="spike")
    ap.add_argument("--count", type=int, default=320)
    ap.add_argument("--per-elf", type=int, default=20)
    ap.add_argument("--seed", type=int,
                    default=os.environ.get("LEMU_DIFFTEST_SEED"))
    ap.add_argument("--ref", help="reference emulator command prefix")
    ap.add_argument("--emu", help="tested emulator command prefix")
    ap.add_argument("-j", "--jobs", type=int, default=romrun.default_jobs())
    ap.add_argument("--timeout", type=float, default=romrun.DEFAULT_TIMEOUT)
    ap.add_argument("--keep", metavar="DIR",
                    help="build in DIR and keep the sources and ELFs")
    args = ap.parse_args()

    seed = int(args.seed) if args.seed is not None else \
        int.from_bytes(os.urandom(4), "little")
    ref_cmd = args.ref or romrun.qemu_command(args.board)
    emu_cmd = args.emu or romrun.lemu_command(board=args.board)
    kind = "S-mode programs on virt" if args.board == "virt" else "programs"
    romrun.log(f"random-difftest: {args.count} {kind}, base seed {seed} "
               f"(rerun: LEMU_DIFFTEST_SEED={seed})")
    romrun.log(f"  reference: {ref_cmd}\n  tested:    {emu_cmd}")
    for cmd in (ref_cmd, emu_cmd):
        missing = romrun.emulator_missing(cmd)
        if missing:
            romrun.log(f"random-difftest: {missing}")
            return 99

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        workdir = args.keep
    else:
        workdir = tempfile.mkdtemp(prefix="random-difftest-",
                                   dir=romrun.builddir())
    try:
        return run_all(args, seed, workdir, ref_cmd, emu_cmd)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def run_all(args, seed, workdir, ref_cmd, emu_cmd):
    cc = os.environ.get("RISCV_CC") or "riscv64-unknown-elf-gcc"
    groups = []
    for start in range(0, args.count, args.per_elf):
        n = min(args.per_elf, args.count - start)
        groups.append([seed + start + i for i in range(n)])

    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as ex:
        built = list(ex.map(lambda ig: build(cc, workdir, *ig, args.board),
                            enumerate(groups)))
    for (elf, err), seeds in zip(built, groups):
        if err:
            romrun.log(f"random-difftest: building {elf} (seeds {seeds[0]}.."
                       f"{seeds[-1]}) failed:\n{err}")
            return 99
    t1 = time.monotonic()
    elfs = [elf for elf, _ in built]
    ref = romrun.run_many(ref_cmd, elfs, args.jobs, args.timeout)
    emu = romrun.run_many(emu_cmd, elfs, args.jobs, args.timeout)
    t2 = time.monotonic()

    failed = 0
    for elf, seeds, r, e in zip(elfs, groups, ref, emu):
        if r.status != 0:
            romrun.log(f"random-difftest: the reference failed on {elf}: "
                       f"{r.describe_status()}")
            if r.err:
                romrun.log(romrun.stderr_tail(r.err))
            failed += 1
            continue
        mismatch = first_mismatch(seeds, r, e)
        if mismatch:
            bad_seed, why = mismatch
            failed += 1
            romrun.log(f"FAIL: program seed {bad_seed}: {why}\n"
                       f"  reproduce: {sys.argv[0]} --board {args.board} "
                       f"--seed {bad_seed} --count 1 --keep DIR")
            if e.err:
                romrun.log(romrun.stderr_tail(e.err))
    romrun.log(f"random-difftest: {len(groups) - failed} of {len(groups)} "
               f"ELFs ({args.count} programs) agree; build {t1 - t0:.1f} s, "
               f"run {t2 - t1:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

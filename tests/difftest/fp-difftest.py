"""tests/difftest/fp-difftest.py: the F/D (and Zb*) differential test: the
same guest program (fp-difftest-guest.c, fp-difftest-stubs.S) runs on
qemu-system-riscv64 and on lemu and must print the same chunk hashes.  It
draws a million or so random operations, every F/D instruction in every
rounding mode on operands biased towards special values (see the guest),
from a seed.

    fp-difftest.py [--ops N] [--parts P] [--chunk C] [--seed S]
                   [--ref "CMD"] [--emu "CMD"] [-j J] [--keep DIR]

The ops are split over P programs (seeds S, S+1, ...) that run in parallel.
S defaults to $LEMU_FP_DIFFTEST_SEED, else to a fresh value (printed
first).  On a mismatch the script reruns the first differing chunk with
every operation printed and reports the first operation whose result or
flags differ, with its operands and the seed to reproduce it:
"--seed <seed> --parts 1 --ops <ops of that part>".  Exit status: 0 all
agree, 1 a mismatch, 99 a missing emulator or a build failure.

Known deviations of QEMU 7.2, excluded by the guest (documented in
QEMU_DEVIATIONS below); everything else QEMU 7.2 computes is what the
RISC-V spec and IEEE 754-2019 say, which the roms/tests/rv64f*/rv64d* and
rv64fd-* tests check independently.
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
sys.path.insert(0, os.path.join(HERE, "..", "system"))
import romrun  # noqa: E402

QEMU_DEVIATIONS = {
    "ctzw": "QEMU 7.2 counts the trailing zeros of the whole register when "
            "the low word is zero (ctzw(0x1234567800000000) = 35, not 32): "
            "the guest replaces such operands by 0",
}

CC_FLAGS = ["-march=rv64imafdc_zicsr_zifencei_zba_zbb_zbc_zbs", "-mabi=lp64",
            "-mcmodel=medany", "-O2", "--specs=picolibc.specs",
            "-DPICOLIBC_INTEGER_PRINTF_SCANF"]
LD_FLAGS = ["-march=rv64imac", "-mabi=lp64", "--specs=picolibc.specs",
            "-nostartfiles", "-DPICOLIBC_INTEGER_PRINTF_SCANF",
            "-Wl,--gc-sections", "-Wl,--no-warn-rwx-segments"]
RUNTIME = ["crt0.rv.o", "htif.rv.o"]
NO_VERBOSE = (1 << 64) - 1
# Guest instructions per operation stay well under this; it only stops a
# program that runs away.
MAX_INSNS_PER_OP = 2000


def compile_guest(cc, workdir):
    """Compile the fixed parts once; returns (objects, error or None)."""
    objs = []
    incs = ["-I", HERE, "-I", os.path.join(romrun.srcdir(), "roms", "common")]
    for src in ("fp-difftest-guest.c", "fp-difftest-stubs.S"):
        obj = os.path.join(workdir, src.rsplit(".", 1)[0] + ".o")
        argv = shlex.split(cc) + CC_FLAGS + incs + ["-c", "-o", obj,
                                                    os.path.join(HERE, src)]
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if p.returncode != 0:
            return None, p.stdout.decode("utf-8", "replace")
        objs.append(obj)
    return objs, None


def link(cc, workdir, objs, name, seed, ops, chunk, verbose=NO_VERBOSE):
    """One program: the parameters as a generated object; (elf, error)."""
    src = os.path.join(workdir, name + "-params.c")
    with open(src, "w") as f:
        f.write("#include <stdint.h>\n"
                "const struct { uint64_t seed, ops, chunk, verbose_chunk; } "
                f"fpd_params = {{ {seed}ull, {ops}ull, {chunk}ull, {verbose}ull }};\n")
    elf = os.path.join(workdir, name + ".elf")
    common = os.path.join(romrun.builddir(), "roms", "common")
    steps = [shlex.split(cc) + CC_FLAGS + ["-c", "-o", src[:-2] + ".o", src],
             shlex.split(cc) + LD_FLAGS
             + ["-T", os.path.join(romrun.srcdir(), "roms", "common", "link.ld"),
                "-o", elf, src[:-2] + ".o"] + objs
             + [os.path.join(common, o) for o in RUNTIME]]
    for argv in steps:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if p.returncode != 0:
            return elf, p.stdout.decode("utf-8", "replace")
    return elf, None


def lines(result, prefix):
    return [l for l in result.out.decode("utf-8", "replace").splitlines()
            if l.startswith(prefix)]


def first_difference(ref, emu):
    """Index of the first differing line of two lists, or None."""
    for i in range(max(len(ref), len(emu))):
        r = ref[i] if i < len(ref) else "<missing>"
        e = emu[i] if i < len(emu) else "<missing>"
        if r != e:
            return i
    return None


def qemu_command():
    """QEMU's default rv64 CPU has F, D and Zba/Zbb/Zbc/Zbs."""
    qemu = os.environ.get("QEMU_RISCV64") or "qemu-system-riscv64"
    return f"{shlex.quote(qemu)} -M spike -bios none -nographic -kernel"


def explain(args, cc, workdir, objs, part, seed, ops, chunk_idx, ref_cmd, emu_cmd):
    """Rerun one chunk verbosely on both; the message naming the first bad op."""
    elf, err = link(cc, workdir, objs, f"part{part}-verbose", seed, ops,
                    args.chunk, chunk_idx)
    if err:
        return f"(could not relink for details: {err})"
    r = romrun.run(ref_cmd, elf, args.timeout)
    e = romrun.run(emu_cmd, elf, args.timeout)
    rl = [l for l in r.out.decode("utf-8", "replace").splitlines()
          if l[:1].isdigit()]
    el = [l for l in e.out.decode("utf-8", "replace").splitlines()
          if l[:1].isdigit()]
    i = first_difference(rl, el)
    if i is None:
        return "(the verbose rerun agrees: nondeterminism?)"
    ref_line = rl[i] if i < len(rl) else "<missing>"
    emu_line = el[i] if i < len(el) else "<missing>"
    return ("first mismatching operation (index name/variant frm a b c -> "
            f"result fflags):\n    reference: {ref_line}\n    tested:    {emu_line}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ops", type=int,
                    default=int(os.environ.get("LEMU_FP_DIFFTEST_OPS", 1200000)))
    ap.add_argument("--parts", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=10000)
    ap.add_argument("--seed", type=int,
                    default=os.environ.get("LEMU_FP_DIFFTEST_SEED"))
    ap.add_argument("--ref", help="reference emulator command prefix")
    ap.add_argument("--emu", help="tested emulator command prefix")
    ap.add_argument("-j", "--jobs", type=int, default=romrun.default_jobs())
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--keep", metavar="DIR",
                    help="build in DIR and keep the programs")
    args = ap.parse_args()

    seed = int(args.seed) if args.seed is not None else \
        int.from_bytes(os.urandom(4), "little")
    parts = max(1, args.parts)
    per_part = (args.ops + parts - 1) // parts
    ref_cmd = args.ref or qemu_command()
    emu_cmd = args.emu or romrun.lemu_command(per_part * MAX_INSNS_PER_OP)
    romrun.log(f"fp-difftest: {args.ops} operations in {parts} programs, seed "
               f"{seed} (rerun: LEMU_FP_DIFFTEST_SEED={seed})")
    romrun.log(f"  reference: {ref_cmd}\n  tested:    {emu_cmd}")
    for op, why in QEMU_DEVIATIONS.items():
        romrun.log(f"  excluded: {op}: {why}")
    for cmd in (ref_cmd, emu_cmd):
        missing = romrun.emulator_missing(cmd)
        if missing:
            romrun.log(f"fp-difftest: {missing}")
            return 99

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        workdir = args.keep
    else:
        workdir = tempfile.mkdtemp(prefix="fp-difftest-", dir=romrun.builddir())
    try:
        return run_all(args, seed, parts, per_part, workdir, ref_cmd, emu_cmd)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def run_all(args, seed, parts, per_part, workdir, ref_cmd, emu_cmd):
    cc = os.environ.get("RISCV_CC") or "riscv64-unknown-elf-gcc"
    t0 = time.monotonic()
    objs, err = compile_guest(cc, workdir)
    if err:
        romrun.log(f"fp-difftest: compiling the guest failed:\n{err}")
        return 99
    progs = []
    for p in range(parts):
        ops = min(per_part, args.ops - p * per_part)
        elf, err = link(cc, workdir, objs, f"part{p}", seed + p, ops, args.chunk)
        if err:
            romrun.log(f"fp-difftest: linking {elf} failed:\n{err}")
            return 99
        progs.append((p, seed + p, ops, elf))
    t1 = time.monotonic()

    # Every run of both emulators at once, jobs at a time.
    runs = [(cmd, elf) for _, _, _, elf in progs for cmd in (ref_cmd, emu_cmd)]
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as ex:
        results = list(ex.map(lambda ce: romrun.run(ce[0], ce[1], args.timeout), runs))
    t2 = time.monotonic()

    failed = 0
    total_fp = total_zb = 0
    for i, (p, pseed, ops, elf) in enumerate(progs):
        r, e = results[2 * i], results[2 * i + 1]
        if r.status != 0:
            romrun.log(f"fp-difftest: the reference failed on part {p}: "
                       f"{r.describe_status()}")
            for line in lines(r, "known answer"):
                romrun.log("  reference: " + line)
            if r.err:
                romrun.log(romrun.stderr_tail(r.err))
            failed += 1
            continue
        rc, ec = lines(r, "chunk "), lines(e, "chunk ")
        k = first_difference(rc, ec)
        if k is None and (e.status != 0 or lines(r, "ops ") != lines(e, "ops ")):
            k = len(rc)
        if k is not None:
            failed += 1
            romrun.log(f"FAIL: part {p} (seed {pseed}, {ops} ops): chunk {k} "
                       f"differs; tested: {e.describe_status()}")
            for line in lines(e, "known answer"):
                romrun.log("  tested: " + line)
            if e.err:
                romrun.log(romrun.stderr_tail(e.err))
            romrun.log("  " + explain(args, cc, workdir, objs, p, pseed, ops, k,
                                      ref_cmd, emu_cmd))
            romrun.log(f"  reproduce: {sys.argv[0]} --seed {pseed} --parts 1 "
                       f"--ops {ops}")
            continue
        summary = lines(r, "ops ")
        if summary:
            words = summary[-1].split()
            total_fp += int(words[3])
            total_zb += int(words[5])
    romrun.log(f"fp-difftest: {parts - failed} of {parts} programs agree: "
               f"{total_fp} F/D and {total_zb} bit-manipulation operations; "
               f"build {t1 - t0:.1f} s, run {t2 - t1:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

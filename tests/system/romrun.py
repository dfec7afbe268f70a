"""tests/system/romrun.py: what the rom test scripts share: where the roms
and their expected results are, how to run one guest program on an emulator
(a command prefix the ELF path is appended to, or that holds "{elf}"), and
the roms that qemu-system-riscv64 7.2 is known to run differently from the
specification (and from lemu).

A rom is named by its path under roms/ without .elf ("tests/rv64m",
"hello").  Its expected console text is roms/<name>.expected in the source
tree, its expected exit status roms/<name>.status (default 0).

Roms run on one of two boards: "spike" (roms/tests and the demos: HTIF
console and exit) or "virt" (roms/virt-tests: UART console, SiFive test
finisher, PLIC; run with -M virt -bios none).  rom_board() tells which from
the name; the command helpers take the board.
"""

import concurrent.futures
import os
import shlex
import subprocess
import sys
import time

# Roms whose result on qemu-system-riscv64 7.2 differs from the spec's; the
# differential test reports them as expected differences.
QEMU_DEVIATIONS = {
    "tests/misaligned-sc-amo-trap":
        "QEMU 7.2: a misaligned SC fails without trapping, misaligned AMOs "
        "report mcause 4 instead of 6",
    "tests/access-fault-amo-is-store-fault":
        "QEMU 7.2: AMO access faults report mcause 5 instead of 7",
    "tests/csr-warl-strict":
        "QEMU 7.2: mepc[0] is writable; csrrs/csrrc with a zero-valued "
        "rs1 != x0 do not count as writes",
    "tests/zicntr-exact":
        "QEMU without -icount counts host ticks in minstret",
    "tests/zicntr-time":
        "QEMU 7.2's spike board has no time CSR (rdtime is illegal)",
    "tests/smc-store-in-same-tb":
        "QEMU has precise self-modifying-code handling only for x86 guests: "
        "the rest of the block runs the old code",
    "tests/fp-fs-dirty-on-flag-accrual":
        "QEMU 7.2: an FP instruction that writes only fflags and an x register "
        "leaves mstatus.FS Clean",
    "tests/zbb-ctzw-ignores-upper-half":
        "QEMU 7.2: ctzw counts into the upper half when the low word is zero",
}

# The same for the virt-board roms (roms/virt-tests).
QEMU_VIRT_DEVIATIONS = {
    "virt-tests/amo-page-fault-is-store":
        "QEMU 7.2: an AMO on an unmapped page raises a load page fault (13) "
        "instead of a store/AMO page fault (15)",
    "virt-tests/deleg-misaligned-amo":
        "QEMU 7.2: a misaligned AMO raises cause 4 instead of 6",
    "virt-tests/irq-priority":
        "QEMU 7.2 without AIA takes the lowest-numbered pending interrupt "
        "first (SSI, MSI, STI, MTI, SEI, MEI), not MEI, MSI, MTI, SEI, SSI, "
        "STI",
    "virt-tests/plic-complete-repends":
        "QEMU 7.2's PLIC makes a source pending only when its line rises: a "
        "completion while the line is still high does not re-pend it",
    "virt-tests/pmp-all-off-denies-s-u":
        "QEMU 7.2 makes an mret to S or U illegal while no PMP entry is "
        "active (the spec and lemu: every S/U access fails)",
    "virt-tests/xret-clears-mprv":
        "QEMU 7.2: mret and sret to S or U leave mstatus.MPRV set",
}

# Roms that show a lemu bug not fixed yet: run-roms.py and difftest-roms.py
# report them as expected failures (XFAIL) and fail when they pass (XPASS),
# so that the fix removes the entry.
LEMU_KNOWN_BUGS = {
}

# lemu's default instruction limit per rom: far above what any test needs,
# low enough that a guest spinning forever stops within seconds.
DEFAULT_MAX_INSNS = 200_000_000
DEFAULT_TIMEOUT = 120


def srcdir():
    return os.environ.get("top_srcdir") or os.path.normpath(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def builddir():
    return os.environ.get("top_builddir") or os.getcwd()


BOARDS = ("spike", "virt")


def lemu_command(max_insns=None, board="spike"):
    """The lemu command prefix, from $LEMU (default $top_builddir/lemu)."""
    lemu = os.environ.get("LEMU") or os.path.join(builddir(), "lemu")
    if max_insns is None:
        max_insns = int(os.environ.get("LEMU_MAX_INSNS", DEFAULT_MAX_INSNS))
    bios = "-bios none " if board == "virt" else ""
    return (f"{shlex.quote(lemu)} -M {board} -nographic {bios}"
            f"--max-insns {max_insns} -kernel")


def qemu_command(board="spike"):
    """The qemu command prefix, from $QEMU_RISCV64 and $LEMU_QEMU_CPU.

    The default CPU is qemu's rv64 without the hypervisor extension, as
    lemu's harts have none (H would add delegable causes and mstatus
    fields that the privileged tests see)."""
    qemu = os.environ.get("QEMU_RISCV64") or "qemu-system-riscv64"
    cpu = os.environ.get("LEMU_QEMU_CPU", "rv64,h=off")
    cpu_opt = f"-cpu {shlex.quote(cpu)} " if cpu else ""
    return (f"{shlex.quote(qemu)} -M {board} {cpu_opt}-bios none -nographic "
            "-kernel")


def rom_board(name):
    """The board a rom runs on: "virt" for roms/virt-tests, else "spike"."""
    return "virt" if name.startswith("virt-tests/") else "spike"


def qemu_deviation(name):
    """Why qemu 7.2 runs this rom differently from the spec, or None."""
    return QEMU_DEVIATIONS.get(name) or QEMU_VIRT_DEVIATIONS.get(name)


def emulator_missing(command):
    """A message if the command's program does not exist, else None."""
    prog = shlex.split(command)[0]
    if os.sep in prog:
        ok = os.path.isfile(prog) and os.access(prog, os.X_OK)
    else:
        ok = any(os.access(os.path.join(d, prog), os.X_OK)
                 for d in os.environ.get("PATH", "").split(os.pathsep))
    return None if ok else f"{prog}: not found or not executable"


def board_roms(board):
    """The roms of one board."""
    return find_roms(("virt-tests",) if board == "virt" else ("tests", "demos"))


def find_roms(kinds=("tests", "demos")):
    """Names of the roms that have an expected-output file, sorted.

    kinds: "tests" (roms/tests), "demos" (roms/*), "virt-tests"."""
    names = []
    roms = os.path.join(srcdir(), "roms")
    for kind in ("tests", "virt-tests"):
        if kind in kinds:
            d = os.path.join(roms, kind)
            names += [kind + "/" + f[:-len(".expected")] for f in os.listdir(d)
                      if f.endswith(".expected")]
    if "demos" in kinds:
        names += [f[:-len(".expected")] for f in os.listdir(roms)
                  if f.endswith(".expected")]
    return sorted(names)


def rom_elf(name):
    return os.path.join(builddir(), "roms", name + ".elf")


def rom_expected(name):
    """(console text as bytes, exit status) the rom must produce."""
    base = os.path.join(srcdir(), "roms", name)
    with open(base + ".expected", "rb") as f:
        text = f.read()
    status = 0
    if os.path.exists(base + ".status"):
        with open(base + ".status") as f:
            status = int(f.read().split()[0])
    return text, status


class Result:
    """One emulator run: exit status (None on timeout), stdout, stderr."""

    def __init__(self, status, out, err, seconds):
        self.status = status
        self.out = out
        self.err = err
        self.seconds = seconds

    def describe_status(self):
        if self.status is None:
            return "timed out"
        if self.status < 0:
            return f"killed by signal {-self.status}"
        return f"exit status {self.status}"


def run(command, elf, timeout=DEFAULT_TIMEOUT):
    """Run the emulator command on elf; never raises for guest problems."""
    if "{elf}" in command:
        argv = [a.replace("{elf}", elf) for a in shlex.split(command)]
    else:
        argv = shlex.split(command) + [elf]
    start = time.monotonic()
    try:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        return Result(p.returncode, p.stdout, p.stderr,
                      time.monotonic() - start)
    except subprocess.TimeoutExpired as e:
        return Result(None, e.stdout or b"", e.stderr or b"",
                      time.monotonic() - start)
    except OSError as e:
        return Result(127, b"", str(e).encode(), time.monotonic() - start)


def run_many(command, elfs, jobs, timeout=DEFAULT_TIMEOUT):
    """Run command on each elf, jobs at a time; results in input order."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
        return list(ex.map(lambda e: run(command, e, timeout), elfs))


def first_difference(expected, actual, context=3):
    """A short human-readable account of where two console texts differ."""
    exp = expected.decode("utf-8", "replace").splitlines()
    act = actual.decode("utf-8", "replace").splitlines()
    for i in range(max(len(exp), len(act))):
        e = exp[i] if i < len(exp) else "<end of output>"
        a = act[i] if i < len(act) else "<end of output>"
        if e != a:
            lines = [f"    line {i + 1}:", f"      expected: {e!r}",
                     f"      got:      {a!r}"]
            return "\n".join(lines)
    if expected != actual:
        return "    outputs differ in line endings or trailing bytes"
    return None


def default_jobs():
    return int(os.environ.get("LEMU_TEST_JOBS", "2"))


def log(msg=""):
    print(msg, flush=True)
    return msg


def stderr_tail(err, lines=5):
    text = err.decode("utf-8", "replace").rstrip().splitlines()
    return "\n".join("    stderr: " + l for l in text[-lines:])


if __name__ == "__main__":
    sys.exit("romrun.py is a module for the rom test scripts")

"""tests/system/test-boot-uboot.py: Debian's OpenSBI and U-Boot boot on
lemu's virt board, driven through the console as a person (a pty) or a
script (a pipe) would drive them.

    test-boot-uboot.py [case ...]

Cases (all by default):
  smode-pipe     OpenSBI fw_jump + S-mode U-Boot through a pipe: the OpenSBI
                 banner (version, platform riscv-virtio,qemu, next mode
                 S-mode), the U-Boot banner and prompt, then version,
                 bdinfo, mw/md (32- and 64-bit, byte order), cmp (equal and
                 different ranges), crc32 (against Python's zlib.crc32), md
                 of the reset ROM, and poweroff: exit status 0
  smode-pty      the same boot on a pseudo-terminal; lemu restores the
                 terminal's modes when it exits
  smode-ctrl-a-x Ctrl-A x at the prompt quits lemu with status 0
  mmode-pipe     the M-mode U-Boot alone (-bios): banner, commands, poweroff
  reset-smode    `reset` (SBI system reset -> the test finisher's reset
  reset-mmode    command, via OpenSBI or U-Boot's syscon-reboot): lemu has
                 no machine reset, so it stops with status 0 and says so on
                 stderr, as qemu -no-reboot does
  smp4-smode     -smp 4: OpenSBI counts 4 harts, U-Boot lists 4 CPUs
  smp4-mmode     -smp 4 with the M-mode U-Boot (its secondary harts wait
                 for IPIs through the CLINT while it relocates)
  hsm-smp1/4/8   sbi-hsm-payload.c under fw_jump: SBI HSM hart_start,
                 hart_stop and hart_get_status for every hart, twice (a
                 stopped hart wakes through an IPI); needs $RISCV_CC
  smp2-lr-sc     smp-lr-sc.S: an SC fails after another hart stored to its
                 reservation set, even when the value is back; needs $RISCV_CC

Every wait has a deadline (multiplied by $LEMU_TEST_TIMEOUT_SCALE): on
timeout lemu is killed and the case fails showing what it printed.  Exit
status: 0 all passed, 1 a case failed, 77 the firmware is not installed
(packages opensbi and u-boot-qemu), 99 lemu is missing.  $LEMU overrides
the binary (default $top_builddir/lemu).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import termios
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootcon  # noqa: E402
from bootcon import Console, ConsoleError  # noqa: E402

BOOT_TIMEOUT = 30       # seconds from start to the U-Boot prompt
CMD_TIMEOUT = 20        # seconds for one command's answer
EXIT_TIMEOUT = 20       # seconds from poweroff to lemu's exit

RAM_SIZE = 256 << 20
SCRATCH = 0x84000000    # free RAM under U-Boot (below its relocated copy)

# The reset ROM's code (Spike's five instructions) and what follows it.
BOOT_ROM_WORDS = "00000297 02028593 f1402573 0182b283"
BOOT_ROM_JR = "00028067"
FDT_MAGIC_LE32 = "edfe0dd0"


class CaseFailure(Exception):
    pass


def check(cond, what, con=None):
    if not cond:
        if con is not None:
            con.kill()
            raise CaseFailure(f"{what}\n{con.tail()}")
        raise CaseFailure(what)


def lemu_binary():
    if os.environ.get("LEMU"):
        return os.environ["LEMU"]
    return os.path.join(os.environ.get("top_builddir") or os.getcwd(), "lemu")


# ---- what a boot prints ------------------------------------------------------


def expect_opensbi_banner(con, harts=1):
    """OpenSBI's banner up to the hand-over; returns its version."""
    m = con.expect(re.compile(r"OpenSBI v(\d+\.\d+)"), BOOT_TIMEOUT, "the OpenSBI banner")
    version = m.group(1)
    fields = [
        ("Platform Name", "riscv-virtio,qemu"),
        ("Platform HART Count", str(harts)),
        ("Platform IPI Device", "aclint-mswi"),
        ("Platform Timer Device", "aclint-mtimer @ 10000000Hz"),
        ("Platform Console Device", "uart8250"),
        ("Platform Reboot Device", "sifive_test"),
        ("Platform Shutdown Device", "sifive_test"),
        ("Domain0 HARTs", ",".join(f"{h}*" for h in range(harts))),
        ("Domain0 Next Address", "0x0000000080200000"),
        ("Domain0 Next Mode", "S-mode"),
        ("Boot HART ID", "0"),
        ("Boot HART Priv Version", "v1.12"),
    ]
    for name, value in fields:
        con.expect(re.compile(rf"(?m)^{re.escape(name)} *: {re.escape(value)}\n"), BOOT_TIMEOUT,
                   f"OpenSBI's '{name} : {value}'")
    return version


def expect_uboot_banner(con):
    """U-Boot's banner through to its prompt; returns the banner's version line."""
    m = con.expect(re.compile(r"(?m)^(U-Boot \d{4}\.\d{2}.*)\n"), BOOT_TIMEOUT,
                   "the U-Boot banner")
    banner = m.group(1)
    con.expect(re.compile(r"(?m)^CPU: +rv64imafdc"), BOOT_TIMEOUT, "U-Boot's CPU line")
    con.expect(re.compile(r"(?m)^Model: riscv-virtio,qemu\n"), BOOT_TIMEOUT, "U-Boot's Model line")
    con.expect(re.compile(rf"(?m)^DRAM: +{RAM_SIZE >> 20} MiB\n"), BOOT_TIMEOUT,
               "U-Boot's DRAM line")
    con.expect(re.compile(r"(?m)^In: +serial@10000000\n"), BOOT_TIMEOUT, "U-Boot's console")
    con.uboot_prompt(BOOT_TIMEOUT)
    return banner


def poweroff(con):
    con.send("poweroff" + con.enter)
    con.expect("poweroff ...", CMD_TIMEOUT, "U-Boot's 'poweroff ...'")
    status = con.wait(EXIT_TIMEOUT, "lemu to exit after poweroff")
    check(status == 0, f"exit status {status} after poweroff, expected 0", con)


# ---- U-Boot commands -------------------------------------------------------------


def cmd_version(con, banner):
    out = con.command("version", CMD_TIMEOUT)
    check(out.splitlines()[:1] == [banner],
          f"'version' said {out.splitlines()[:1]}, the banner {banner!r}", con)


def cmd_bdinfo(con):
    out = con.command("bdinfo", CMD_TIMEOUT)
    check("-> start    = 0x0000000080000000" in out, "bdinfo: DRAM does not start at 0x80000000",
          con)
    check(f"-> size     = 0x{RAM_SIZE:016x}" in out, "bdinfo: wrong DRAM size", con)
    m = re.search(r"relocaddr   = 0x([0-9a-f]+)", out)
    check(m and 0x80000000 <= int(m.group(1), 16) < 0x80000000 + RAM_SIZE,
          "bdinfo: U-Boot did not relocate into RAM", con)


def cmd_mw_md(con):
    """Words written with mw read back with md, in every width and byte order."""
    con.command(f"mw.l {SCRATCH:#x} 0x12345678 4", CMD_TIMEOUT)
    out = con.command(f"md.l {SCRATCH:#x} 4", CMD_TIMEOUT)
    check(out.startswith(f"{SCRATCH:08x}: 12345678 12345678 12345678 12345678 "),
          f"md.l after mw.l: {out!r}", con)
    addr = SCRATCH + 0x100
    con.command(f"mw.q {addr:#x} 0x0123456789abcdef 2", CMD_TIMEOUT)
    out = con.command(f"md.q {addr:#x} 2", CMD_TIMEOUT)
    check(out.startswith(f"{addr:08x}: 0123456789abcdef 0123456789abcdef "),
          f"md.q after mw.q: {out!r}", con)
    out = con.command(f"md.b {addr:#x} 8", CMD_TIMEOUT)
    check(out.startswith(f"{addr:08x}: ef cd ab 89 67 45 23 01 "),
          f"md.b shows the wrong byte order: {out!r}", con)
    con.command(f"mw.w {addr + 2:#x} 0xbeef 1", CMD_TIMEOUT)
    out = con.command(f"md.l {addr:#x} 2", CMD_TIMEOUT)
    check(out.startswith(f"{addr:08x}: beefcdef 01234567 "),
          f"md.l after a 16-bit mw.w into the middle: {out!r}", con)


def fill_pattern(con, base):
    """Fill base..base+0x100 with mw; return the bytes it should hold."""
    con.command(f"mw.l {base:#x} 0xdeadbeef 0x40", CMD_TIMEOUT)
    con.command(f"mw.l {base + 0x40:#x} 0x01234567 8", CMD_TIMEOUT)
    con.command(f"mw.b {base + 0xff:#x} 0x5a 1", CMD_TIMEOUT)
    data = bytearray((0xdeadbeef).to_bytes(4, "little") * 0x40)
    data[0x40:0x60] = (0x01234567).to_bytes(4, "little") * 8
    data[0xff] = 0x5a
    return bytes(data)


def cmd_crc32(con):
    data = fill_pattern(con, SCRATCH)
    out = con.command(f"crc32 {SCRATCH:#x} 0x100", CMD_TIMEOUT)
    want = f"crc32 for {SCRATCH:08x} ... {SCRATCH + 0xff:08x} ==> {zlib.crc32(data):08x}"
    check(out.strip() == want, f"crc32 said {out.strip()!r}, expected {want!r}", con)


def cmd_cmp(con):
    # Both ranges are filled with mw, not cp: without QEMU's CFI flash banks
    # (lemu has none yet) U-Boot's cp takes every address for flash and fails.
    a, b = SCRATCH, SCRATCH + 0x1000
    fill_pattern(con, a)
    fill_pattern(con, b)
    out = con.command(f"cmp.l {a:#x} {b:#x} 0x40", CMD_TIMEOUT)
    check("Total of 64 word(s) were the same" in out, f"cmp of equal ranges: {out!r}", con)
    con.command(f"mw.l {b + 0x10:#x} 0x0 1", CMD_TIMEOUT)
    out = con.command(f"cmp.l {a:#x} {b:#x} 0x40", CMD_TIMEOUT)
    check(f"word at {a + 0x10:#x} (0xdeadbeef) != word at {b + 0x10:#x} (0x00)" in out and
          "Total of 4 word(s) were the same" in out, f"cmp of different ranges: {out!r}", con)


def cmd_md_boot_rom(con):
    """The guest sees lemu's reset ROM: Spike's code, the entry, the device tree."""
    out = con.command("md.l 0x1000 5", CMD_TIMEOUT)
    check(out.startswith(f"00001000: {BOOT_ROM_WORDS} ") and f"00001010: {BOOT_ROM_JR} " in out,
          f"the reset ROM's code: {out!r}", con)
    out = con.command("md.q 0x1018 1", CMD_TIMEOUT)
    check(out.startswith("00001018: 0000000080000000 "), f"the reset ROM's entry: {out!r}", con)
    out = con.command("md.l 0x1020 1", CMD_TIMEOUT)
    check(out.startswith(f"00001020: {FDT_MAGIC_LE32} "), f"no device tree at 0x1020: {out!r}",
          con)


# ---- cases ---------------------------------------------------------------------


def case_smode(lemu, mode):
    con = Console([lemu] + bootcon.smode_uboot_args(), mode)
    expect_opensbi_banner(con)
    banner = expect_uboot_banner(con)
    cmd_version(con, banner)
    cmd_bdinfo(con)
    cmd_mw_md(con)
    cmd_cmp(con)
    cmd_crc32(con)
    cmd_md_boot_rom(con)
    poweroff(con)
    check(con.stderr_text() == "", f"lemu wrote to stderr: {con.stderr_text()!r}")


def case_smode_pipe(lemu):
    case_smode(lemu, "pipe")


def case_smode_pty(lemu):
    con = Console([lemu] + bootcon.smode_uboot_args(), "pty")
    con.expect(re.compile(r"OpenSBI v\d"), BOOT_TIMEOUT, "the OpenSBI banner")
    banner = expect_uboot_banner(con)
    # lemu has its terminal in raw mode now: no echo, no line editing, no signals.
    lflag = termios.tcgetattr(con.rfd)[3]
    check(not lflag & (termios.ECHO | termios.ICANON | termios.ISIG),
          "lemu left ECHO, ICANON or ISIG on in its terminal", con)
    cmd_version(con, banner)
    cmd_mw_md(con)
    cmd_crc32(con)
    con.send("poweroff" + con.enter)
    con.expect("poweroff ...", CMD_TIMEOUT, "U-Boot's 'poweroff ...'")
    status = con.wait(EXIT_TIMEOUT, "lemu to exit after poweroff", close=False)
    lflag = termios.tcgetattr(con.rfd)[3]
    con.close()
    check(status == 0, f"exit status {status} after poweroff, expected 0")
    check(lflag & termios.ECHO and lflag & termios.ICANON,
          "lemu did not restore its terminal's ECHO and ICANON on exit")


def case_smode_ctrl_a_x(lemu):
    con = Console([lemu] + bootcon.smode_uboot_args(), "pty")
    expect_uboot_banner(con)
    con.send(b"\x01x")
    status = con.wait(EXIT_TIMEOUT, "lemu to quit on Ctrl-A x")
    check(status == 0, f"exit status {status} after Ctrl-A x, expected 0")


def case_mmode_pipe(lemu):
    con = Console([lemu] + bootcon.mmode_uboot_args(), "pipe")
    banner = expect_uboot_banner(con)
    check("OpenSBI" not in con.out, "OpenSBI's banner without OpenSBI", con)
    cmd_version(con, banner)
    cmd_bdinfo(con)
    cmd_mw_md(con)
    cmd_cmp(con)
    cmd_crc32(con)
    cmd_md_boot_rom(con)
    poweroff(con)
    check(con.stderr_text() == "", f"lemu wrote to stderr: {con.stderr_text()!r}")


def reset_case(lemu, args):
    con = Console([lemu] + args, "pipe")
    expect_uboot_banner(con)
    con.send("reset" + con.enter)
    con.expect("resetting ...", CMD_TIMEOUT, "U-Boot's 'resetting ...'")
    status = con.wait(EXIT_TIMEOUT, "lemu to stop on the reset request")
    check(status == 0, f"exit status {status} after reset, expected 0")
    err = con.stderr_text()
    check(re.fullmatch(r"lemu: the guest asked for a reset[^\n]*\n", err),
          f"stderr after reset: {err!r}")


def case_reset_smode(lemu):
    reset_case(lemu, bootcon.smode_uboot_args())


def case_reset_mmode(lemu):
    reset_case(lemu, bootcon.mmode_uboot_args())


def cmd_cpu_list(con, harts):
    out = con.command("cpu list", CMD_TIMEOUT)
    found = re.findall(r"^ *(\d+): cpu@(\d+) +rv64imafdc", out, re.M)
    want = [(str(h), str(h)) for h in range(harts)]
    check(found == want, f"'cpu list' shows {found}, expected {want}: {out!r}", con)


def case_smp4_smode(lemu):
    con = Console([lemu] + bootcon.smode_uboot_args(smp=4), "pipe")
    expect_opensbi_banner(con, harts=4)
    banner = expect_uboot_banner(con)
    cmd_cpu_list(con, 4)
    cmd_version(con, banner)
    poweroff(con)


def case_smp4_mmode(lemu):
    con = Console([lemu] + bootcon.mmode_uboot_args(smp=4), "pipe")
    expect_uboot_banner(con)
    cmd_cpu_list(con, 4)
    cmd_mw_md(con)
    poweroff(con)


# Guest programs the cases build: .text.start first, at `base`.
GUEST_LINKER_SCRIPT = """\
ENTRY(_start)
SECTIONS {{
  . = {base:#x};
  .text : {{ *(.text.start) *(.text .text.*) }}
  .rodata : {{ *(.rodata .rodata.* .srodata .srodata.*) }}
  .data : {{ *(.data .data.* .sdata .sdata.*) }}
  .bss : {{ *(.bss .bss.* .sbss .sbss.* COMMON) }}
}}
"""

_guest_dir = []
_guests = {}


def build_guest(source, base):
    """Build tests/system/<source> linked at `base` (once); its ELF path.

    Raises CaseFailure when $RISCV_CC (default riscv64-unknown-elf-gcc)
    cannot build it.
    """
    if source in _guests:
        return _guests[source]
    cc = os.environ.get("RISCV_CC") or "riscv64-unknown-elf-gcc"
    if not _guest_dir:
        _guest_dir.append(tempfile.mkdtemp(prefix="lemu-boot-test."))
    stem = os.path.join(_guest_dir[0], os.path.splitext(source)[0])
    with open(stem + ".ld", "w") as f:
        f.write(GUEST_LINKER_SCRIPT.format(base=base))
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), source)
    argv = [cc, "-march=rv64imac_zicsr", "-mabi=lp64", "-mcmodel=medany", "-ffreestanding",
            "-nostdlib", "-O2", "-Wall", "-Wextra", "-Werror", "-T", stem + ".ld",
            "-Wl,--no-warn-rwx-segments", "-o", stem + ".elf", src]
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise CaseFailure(f"cannot build {source} with {cc}: {e}")
    if p.returncode != 0:
        raise CaseFailure(f"cannot build {source}:\n{p.stdout.decode(errors='replace')}")
    _guests[source] = stem + ".elf"
    return stem + ".elf"


def remove_guests():
    for d in _guest_dir:
        for f in os.listdir(d):
            os.unlink(os.path.join(d, f))
        os.rmdir(d)


def hsm_case(lemu, harts):
    # fw_jump's next stage: 2 MiB into RAM.
    elf = build_guest("sbi-hsm-payload.c", 0x80200000)
    con = Console([lemu, "-M", "virt", "-smp", str(harts), "-m", "256M", "-nographic",
                   "-bios", bootcon.FW_JUMP, "-kernel", elf], "pipe")
    expect_opensbi_banner(con, harts=harts)
    con.expect("hsm: boot hart 0\n", BOOT_TIMEOUT, "the payload's first line")
    others = "".join(f" {h}" for h in range(1, harts))
    for rnd in (1, 2):
        con.expect(f"hsm: round {rnd}: {harts - 1} harts started and stopped:{others}\n",
                   BOOT_TIMEOUT, f"the payload's round {rnd} with harts{others or ' none'}")
    con.expect("hsm: done\n", BOOT_TIMEOUT, "the payload's end")
    status = con.wait(EXIT_TIMEOUT, "lemu to exit after SBI system reset (shutdown)")
    check(status == 0, f"exit status {status}, expected 0", con)


def case_hsm_smp1(lemu):
    hsm_case(lemu, 1)


def case_hsm_smp4(lemu):
    hsm_case(lemu, 4)


def case_hsm_smp8(lemu):
    hsm_case(lemu, 8)


def case_smp2_lr_sc(lemu):
    elf = build_guest("smp-lr-sc.S", 0x80000000)
    con = Console([lemu, "-M", "virt", "-smp", "2", "-nographic", "-bios", elf], "pipe")
    status = con.wait(BOOT_TIMEOUT, "smp-lr-sc.S to end")
    check(status == 0, f"exit status {status}: sc.w succeeded after another hart stored to "
          "its reservation set" if status == 1 else f"exit status {status}, expected 0")


CASES = {
    "smode-pipe": case_smode_pipe,
    "smode-pty": case_smode_pty,
    "smode-ctrl-a-x": case_smode_ctrl_a_x,
    "mmode-pipe": case_mmode_pipe,
    "reset-smode": case_reset_smode,
    "reset-mmode": case_reset_mmode,
    "smp4-smode": case_smp4_smode,
    "smp4-mmode": case_smp4_mmode,
    "hsm-smp1": case_hsm_smp1,
    "hsm-smp4": case_hsm_smp4,
    "hsm-smp8": case_hsm_smp8,
    "smp2-lr-sc": case_smp2_lr_sc,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", nargs="*", metavar="case", help=", ".join(CASES))
    args = ap.parse_args()
    unknown = [c for c in args.cases if c not in CASES]
    if unknown:
        ap.error(f"unknown case {unknown[0]!r} (there are: {', '.join(CASES)})")

    lemu = lemu_binary()
    if not os.access(lemu, os.X_OK):
        print(f"lemu binary not found at {lemu}")
        return 99
    missing = bootcon.missing_firmware(bootcon.FW_JUMP, bootcon.UBOOT_SMODE,
                                       bootcon.UBOOT_MMODE)
    if missing:
        print(f"SKIP: {missing} is not installed (packages opensbi, u-boot-qemu)")
        return 77

    failures = 0
    names = args.cases or list(CASES)
    for name in names:
        start = time.monotonic()
        try:
            CASES[name](lemu)
        except (CaseFailure, ConsoleError) as e:
            failures += 1
            print(f"FAIL: {name}: {e}")
            continue
        print(f"PASS: {name} ({time.monotonic() - start:.1f} s)")
    remove_guests()
    print(f"{len(names) - failures} of {len(names)} boot cases passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

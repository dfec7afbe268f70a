"""tests/system/bootcon.py: drive an emulator's console the way a person at
a terminal does, for the firmware boot tests (test-boot-uboot.py) and the
boot benchmark (tests/bench/boot-time.py).

A Console starts the emulator with its console on a pipe or on a
pseudo-terminal (pty: lemu then sees a terminal and switches it to raw
mode, as for a user), collects everything it prints, and waits for text
with expect().  Nothing here can hang: every wait has a deadline, and when
one passes, or the emulator exits before the text comes, the emulator is
killed and ConsoleError says what was awaited and shows the tail of what
was read (console and stderr).

Only the standard library is used.
"""

import atexit
import codecs
import os
import pty
import re
import select
import subprocess
import time

# Deadlines are multiplied by this ($LEMU_TEST_TIMEOUT_SCALE): sanitizer
# builds and loaded machines are several times slower.
TIMEOUT_SCALE = float(os.environ.get("LEMU_TEST_TIMEOUT_SCALE", "1") or 1)

# How much of the output a failure shows.
TAIL_CHARS = 2000

FW_JUMP = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf"
UBOOT_SMODE = "/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin"
UBOOT_MMODE = "/usr/lib/u-boot/qemu-riscv64/u-boot.bin"

# U-Boot's prompt and its autoboot countdown.
UBOOT_PROMPT = "=> "
UBOOT_AUTOBOOT = "Hit any key to stop autoboot"


class ConsoleError(Exception):
    """A wait failed; the message holds what was read."""


# Emulators still running when Python exits (an exception, Ctrl-C) are
# killed: they run in their own sessions, where no terminal signal reaches.
_running = set()


@atexit.register
def _kill_leftovers():
    for con in list(_running):
        con.kill()


def smode_uboot_args(smp=1, mem="256M"):
    """Emulator arguments for OpenSBI fw_jump + S-mode U-Boot on virt."""
    return ["-M", "virt", "-smp", str(smp), "-m", mem, "-nographic",
            "-bios", FW_JUMP, "-kernel", UBOOT_SMODE]


def mmode_uboot_args(smp=1, mem="256M"):
    """Emulator arguments for the M-mode U-Boot alone on virt."""
    return ["-M", "virt", "-smp", str(smp), "-m", mem, "-nographic",
            "-bios", UBOOT_MMODE]


def missing_firmware(*paths):
    """The first of paths that is not a readable file, else None."""
    for p in paths:
        if not os.access(p, os.R_OK):
            return p
    return None


class Console:
    """An emulator run whose console is a pipe (mode "pipe") or a pty."""

    def __init__(self, argv, mode="pipe"):
        assert mode in ("pipe", "pty")
        self.argv = list(argv)
        self.mode = mode
        self.out = ""        # console text so far, without carriage returns
        self.pos = 0         # where the next expect() starts looking
        self.err = b""       # stderr so far
        self.status = None
        self.start = time.monotonic()
        # Enter as a terminal sends it (raw mode: CR), or a script's newline.
        self.enter = "\r" if mode == "pty" else "\n"
        if mode == "pty":
            master, slave = pty.openpty()
            try:
                self.proc = subprocess.Popen(
                    self.argv, stdin=slave, stdout=slave, stderr=subprocess.PIPE,
                    start_new_session=True)
            finally:
                os.close(slave)
            self.rfd = self.wfd = master
        else:
            self.proc = subprocess.Popen(
                self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, start_new_session=True)
            self.rfd = self.proc.stdout.fileno()
            self.wfd = self.proc.stdin.fileno()
        self.efd = self.proc.stderr.fileno()
        self.open_fds = {self.rfd, self.efd}
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        _running.add(self)

    # ---- reading ------------------------------------------------------------

    def _read_some(self, timeout):
        """Read what is available within timeout seconds; False at EOF of both."""
        if not self.open_fds:
            return False
        ready, _, _ = select.select(list(self.open_fds), [], [], max(timeout, 0))
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:     # a pty master reads EIO once the child is gone
                data = b""
            if not data:
                self.open_fds.discard(fd)
            elif fd == self.efd:
                self.err += data
            else:
                self.out += self.decoder.decode(data).replace("\r", "")
        return True

    def tail(self):
        text = self.out[-TAIL_CHARS:]
        err = self.err.decode("utf-8", "replace")[-TAIL_CHARS:]
        return (f"--- console (last {len(text)} chars) ---\n{text}\n"
                f"--- stderr ---\n{err}\n--- end ---")

    def fail(self, what):
        """Kill the emulator and raise ConsoleError about `what`."""
        self.kill()
        raise ConsoleError(f"{what} (after {time.monotonic() - self.start:.1f} s, "
                           f"{' '.join(self.argv)})\n{self.tail()}")

    def expect(self, pattern, timeout, what=None):
        """Wait until `pattern` (a regex or str) appears after the last match.

        Returns the re.Match; the next expect() looks after it.  Fails (kills
        the emulator, raises ConsoleError) after timeout * TIMEOUT_SCALE
        seconds or when the emulator closes its console first.
        """
        regex = re.compile(re.escape(pattern) if isinstance(pattern, str) else pattern)
        deadline = time.monotonic() + timeout * TIMEOUT_SCALE
        while True:
            m = regex.search(self.out, self.pos)
            if m:
                self.pos = m.end()
                return m
            left = deadline - time.monotonic()
            if left <= 0:
                self.fail(f"timed out waiting for {what or repr(regex.pattern)}")
            if self.rfd not in self.open_fds:
                try:
                    status = self.proc.wait(timeout=1)
                except subprocess.TimeoutExpired:
                    status = "none yet"
                self.fail(f"console closed (exit status {status}) while "
                          f"waiting for {what or repr(regex.pattern)}")
            self._read_some(min(left, 0.5))

    # ---- writing ------------------------------------------------------------

    def send(self, text):
        data = text.encode() if isinstance(text, str) else text
        try:
            while data:
                n = os.write(self.wfd, data)
                data = data[n:]
        except OSError as e:
            self.fail(f"cannot write to the console ({e})")

    # ---- U-Boot ---------------------------------------------------------

    def uboot_prompt(self, timeout):
        """From the autoboot countdown to the first prompt: stop autoboot with a key."""
        self.expect(UBOOT_AUTOBOOT, timeout, "U-Boot's autoboot countdown")
        self.send(" ")
        self.expect(re.compile(r"(?m)^=> "), timeout / 2, "U-Boot's prompt")

    def command(self, line, timeout=20):
        """Type `line` at the U-Boot prompt; return its output (without the echo).

        The reply ends at the next prompt.  The echo of the line must come
        back first, exactly as typed.
        """
        start = self.pos
        self.send(line + self.enter)
        m = self.expect(re.compile(r"\n=> "), timeout, f"the prompt after '{line}'")
        echo, _, body = self.out[start:m.start()].partition("\n")
        if echo != line:
            self.fail(f"U-Boot echoed {echo!r} for {line!r}")
        return body

    # ---- ending ---------------------------------------------------------------

    def wait(self, timeout, what="the emulator to exit", close=True):
        """Read until the emulator exits; return its status (fails on timeout).

        With close=False a pty stays open (its modes can still be read);
        call close() after.
        """
        deadline = time.monotonic() + timeout * TIMEOUT_SCALE
        while self.proc.poll() is None:
            left = deadline - time.monotonic()
            if left <= 0:
                self.fail(f"timed out waiting for {what}")
            if self.open_fds:
                self._read_some(min(left, 0.2))
            else:
                time.sleep(min(left, 0.05))
        # Drain what is left (a pty gives EIO, pipes EOF).
        while self.open_fds and self._read_some(0.05):
            if not select.select(list(self.open_fds), [], [], 0)[0]:
                break
        self.status = self.proc.returncode
        if close:
            self.close()
        return self.status

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.close()

    def close(self):
        _running.discard(self)
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if f:
                try:
                    f.close()
                except OSError:
                    pass
        if self.mode == "pty" and self.rfd is not None:
            try:
                os.close(self.rfd)
            except OSError:
                pass
            self.rfd = self.wfd = None
        self.open_fds = set()

    def stderr_text(self):
        return self.err.decode("utf-8", "replace")

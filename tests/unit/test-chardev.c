/*
 * test-chardev.c: the character devices of softmmu/chardev.c over pipes,
 * temporary files and pseudo-terminals (never the real terminal): -serial
 * spec parsing, output, polled input bounded by what the frontend takes,
 * EOF, the Ctrl-A escapes, the poll timer, and the terminal's raw mode and
 * its restoration (on free, at exit, on a fatal signal).
 */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "lemu/chardev.h"
#include "lemu/machine.h"
#include "lemu/timer.h"

/* A fake frontend: takes up to `room` bytes a poll, records what it got. */
static uint8_t got[1024];
static size_t got_len;
static size_t room = 64;
static int receive_calls;

static size_t fake_can_receive(void *opaque)
{
    cr_assert_eq(opaque, got);
    return room;
}

static void fake_receive(void *opaque, const uint8_t *buf, size_t len)
{
    cr_assert_eq(opaque, got);
    cr_assert_gt(len, 0);
    cr_assert_leq(len, room, "never more than the frontend allowed");
    cr_assert_leq(got_len + len, sizeof(got));
    memcpy(got + got_len, buf, len);
    got_len += len;
    receive_calls++;
}

static void attach(Chardev *chr)
{
    chardev_set_handlers(chr, fake_can_receive, fake_receive, got);
}

static void setup(void)
{
    machine_shutdown_clear();
    cr_redirect_stderr();   /* messages for the user; some tests check them */
}

/* A pipe whose read end feeds a chardev; *wr is where the test types. */
static Chardev *pipe_chardev(bool stdio_like, int *wr, int *rd)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    *rd = fds[0];
    *wr = fds[1];
    Chardev *chr = chardev_new_fd(fds[0], -1, stdio_like, NULL);
    cr_assert_not_null(chr);
    return chr;
}

static void type(int fd, const char *s, size_t n)
{
    cr_assert_eq(write(fd, s, n), (ssize_t)n);
}

static char *temp_path(void)
{
    static char path[64];
    strcpy(path, "/tmp/lemu-test-chardev-XXXXXX");
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    return path;
}

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

TestSuite(chardev, .init = setup);

/* ---- specs -------------------------------------------------------------- */

Test(chardev, null_and_none_discard_output_and_have_no_input)
{
    const char *specs[] = { "null", "none" };
    for (unsigned i = 0; i < 2; i++) {
        Error *err = NULL;
        Chardev *chr = chardev_new(specs[i], &err);
        cr_assert_not_null(chr, "%s", specs[i]);
        cr_assert_null(err);
        cr_assert_eq(chardev_write(chr, (const uint8_t *)"abc", 3), 3);
        cr_assert(chardev_input_closed(chr));
        attach(chr);
        cr_assert_eq(chardev_poll(chr), 0);
        cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_REALTIME), -1, "nothing to poll");
        chardev_free(chr);
    }
}

Test(chardev, file_backend_writes_and_truncates_the_file)
{
    char *path = temp_path();
    FILE *f = fopen(path, "w");
    fputs("old contents that must go", f);
    fclose(f);

    char spec[96];
    snprintf(spec, sizeof(spec), "file:%s", path);
    Chardev *chr = chardev_new(spec, NULL);
    cr_assert_not_null(chr);
    cr_assert(chardev_input_closed(chr));
    cr_assert_eq(chardev_write(chr, (const uint8_t *)"hello\n", 6), 6);
    cr_assert_eq(chardev_write(chr, (const uint8_t *)"x", 1), 1);
    cr_assert_str_eq(slurp(path), "hello\nx", "written through, no buffering");
    chardev_free(chr);
    cr_assert_str_eq(slurp(path), "hello\nx");
    unlink(path);
}

Test(chardev, bad_specs_are_one_line_errors)
{
    struct { const char *spec; const char *needle; } cases[] = {
        { "file:", "no file name" },
        { "file:/nonexistent-dir-lemu/out", "cannot open" },
        { "vc", "unknown character device" },
        { "", "unknown character device" },
        { "stdio:", "unknown character device" },
    };
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        Error *err = NULL;
        cr_assert_null(chardev_new(cases[i].spec, &err), "'%s'", cases[i].spec);
        cr_assert_not_null(err);
        const char *msg = error_get_pretty(err);
        cr_assert_not_null(strstr(msg, cases[i].needle), "'%s': %s", cases[i].spec, msg);
        cr_assert_null(strchr(msg, '\n'));
        error_free(err);
    }
    Error *err = NULL;
    cr_assert_null(chardev_new(NULL, &err));
    cr_assert_not_null(err);
    error_free(err);
    err = NULL;
    cr_assert_null(chardev_new_fd(-7, 1, false, &err));
    cr_assert_not_null(err);
    error_free(err);
    chardev_free(NULL);
}

Test(chardev, stdio_can_be_used_by_one_chardev_at_a_time)
{
    /* Make stdin a pipe so that nothing touches a real terminal. */
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    cr_assert_eq(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);

    Chardev *a = chardev_new("stdio", NULL);
    cr_assert_not_null(a);
    cr_assert_not(chardev_is_raw_tty(a));
    Error *err = NULL;
    cr_assert_null(chardev_new("mon:stdio", &err));
    cr_assert_not_null(strstr(error_get_pretty(err), "already used"));
    error_free(err);
    chardev_free(a);
    Chardev *b = chardev_new("mon:stdio", NULL);
    cr_assert_not_null(b, "free gives stdio back");

    type(fds[1], "hi", 2);
    attach(b);
    cr_assert_eq(chardev_poll(b), 2);
    cr_assert_eq(memcmp(got, "hi", 2), 0);
    chardev_free(b);
}

/* ---- output ------------------------------------------------------------- */

Test(chardev, write_goes_to_the_output_descriptor)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    Chardev *chr = chardev_new_fd(-1, fds[1], false, NULL);
    cr_assert_eq(chardev_write(chr, (const uint8_t *)"OpenSBI\r\n", 9), 9);
    char buf[16] = { 0 };
    cr_assert_eq(read(fds[0], buf, sizeof(buf)), 9);
    cr_assert_str_eq(buf, "OpenSBI\r\n");
    chardev_free(chr);
    /* The descriptors stay the caller's. */
    cr_assert_eq(write(fds[1], "z", 1), 1);
}

Test(chardev, failed_output_is_reported_once_and_then_dropped)
{
    int fd = open("/dev/null", O_RDONLY);
    cr_assert_geq(fd, 0);
    Chardev *chr = chardev_new_fd(-1, fd, false, NULL);
    cr_assert_eq(chardev_write(chr, (const uint8_t *)"x", 1), -1);
    cr_assert_eq(chardev_write(chr, (const uint8_t *)"y", 1), -1);
    chardev_free(chr);
    close(fd);
}

/* ---- input -------------------------------------------------------------- */

Test(chardev, poll_delivers_what_is_available)
{
    int wr, rd;
    Chardev *chr = pipe_chardev(false, &wr, &rd);
    attach(chr);
    cr_assert_eq(chardev_poll(chr), 0, "nothing typed yet, and no blocking");
    type(wr, "version\r", 8);
    cr_assert_eq(chardev_poll(chr), 8);
    cr_assert_eq(got_len, 8);
    cr_assert_eq(memcmp(got, "version\r", 8), 0);
    cr_assert_not(chardev_input_closed(chr));
    chardev_free(chr);
}

Test(chardev, poll_takes_no_more_than_the_frontend_can_receive)
{
    int wr, rd;
    Chardev *chr = pipe_chardev(false, &wr, &rd);
    attach(chr);
    room = 3;
    type(wr, "abcdefgh", 8);
    cr_assert_eq(chardev_poll(chr), 3);
    cr_assert_eq(chardev_poll(chr), 3);
    room = 0;
    cr_assert_eq(chardev_poll(chr), 0, "a full frontend leaves input where it is");
    room = 100;
    cr_assert_eq(chardev_poll(chr), 2);
    cr_assert_eq(got_len, 8);
    cr_assert_eq(memcmp(got, "abcdefgh", 8), 0);
    cr_assert_eq(receive_calls, 3);
    chardev_free(chr);
}

Test(chardev, eof_closes_input_and_stops_polling)
{
    int wr, rd;
    Chardev *chr = pipe_chardev(false, &wr, &rd);
    attach(chr);
    cr_assert_neq(clock_next_expire_ns(LEMU_CLOCK_REALTIME), -1, "polling while listening");
    type(wr, "q", 1);
    close(wr);
    cr_assert_eq(chardev_poll(chr), 1);
    cr_assert_eq(chardev_poll(chr), 0);
    cr_assert(chardev_input_closed(chr));
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_REALTIME), -1, "no poll after EOF");
    cr_assert_eq(chardev_poll(chr), 0);
    cr_assert_eq(chardev_write(chr, (const uint8_t *)"still fine", 10), 10);
    chardev_free(chr);
}

Test(chardev, dev_null_stdin_is_just_no_input)
{
    int fd = open("/dev/null", O_RDONLY);
    Chardev *chr = chardev_new_fd(fd, -1, true, NULL);
    cr_assert_not_null(chr);
    attach(chr);
    cr_assert_eq(chardev_poll(chr), 0);
    cr_assert(chardev_input_closed(chr));
    chardev_free(chr);
    close(fd);
}

Test(chardev, handlers_arm_the_realtime_poll_timer_and_detaching_disarms_it)
{
    int wr, rd;
    Chardev *chr = pipe_chardev(false, &wr, &rd);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_REALTIME), -1);
    attach(chr);
    int64_t due = clock_next_expire_ns(LEMU_CLOCK_REALTIME);
    cr_assert_gt(due, 0);
    cr_assert_leq(due, clock_get_ns(LEMU_CLOCK_REALTIME) + CHARDEV_POLL_NS);
    chardev_set_handlers(chr, NULL, NULL, NULL);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_REALTIME), -1);
    chardev_free(chr);
}

Test(chardev, poll_timer_delivers_input_and_rearms)
{
    int wr, rd;
    Chardev *chr = pipe_chardev(false, &wr, &rd);
    attach(chr);
    type(wr, "=> ", 3);
    /* Wait past the poll period, then run timers as the main loop does. */
    struct timespec ts = { 0, 2 * CHARDEV_POLL_NS };
    nanosleep(&ts, NULL);
    cr_assert(clock_run_timers(LEMU_CLOCK_REALTIME));
    cr_assert_eq(got_len, 3);
    cr_assert_eq(memcmp(got, "=> ", 3), 0);
    cr_assert_neq(clock_next_expire_ns(LEMU_CLOCK_REALTIME), -1, "still polling");
    chardev_free(chr);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_REALTIME), -1, "free stops the timer");
}

/* ---- escapes ------------------------------------------------------------ */

Test(chardev, ctrl_a_x_quits_with_status_0_and_drops_the_rest)
{
    int wr, rd;
    Chardev *chr = pipe_chardev(true, &wr, &rd);
    attach(chr);
    type(wr, "ab\001xcd", 6);
    cr_assert_eq(chardev_poll(chr), 2);
    cr_assert_eq(memcmp(got, "ab", 2), 0);
    int status = -1;
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, CHARDEV_QUIT_STATUS);
    cr_assert_eq(status, 0);
    cr_assert(chardev_input_closed(chr));
    cr_assert_eq(chardev_poll(chr), 0);
    cr_assert_eq(got_len, 2);
    chardev_free(chr);
    fflush(stderr);
    cr_assert_stderr_eq_str("\r\nlemu: terminated (C-a x)\r\n");
}

Test(chardev, ctrl_a_ctrl_a_sends_one_ctrl_a)
{
    int wr, rd;
    Chardev *chr = pipe_chardev(true, &wr, &rd);
    attach(chr);
    type(wr, "\001\001z", 3);
    cr_assert_eq(chardev_poll(chr), 2);
    cr_assert_eq(got[0], 0x01);
    cr_assert_eq(got[1], 'z');
    cr_assert_not(machine_shutdown_requested(NULL));
    chardev_free(chr);
}

Test(chardev, other_escapes_are_swallowed)
{
    int wr, rd;
    Chardev *chr = pipe_chardev(true, &wr, &rd);
    attach(chr);
    type(wr, "\001c1\001h2\001q3", 9);
    cr_assert_eq(chardev_poll(chr), 3);
    cr_assert_eq(memcmp(got, "123", 3), 0);
    cr_assert_not(machine_shutdown_requested(NULL));
    chardev_free(chr);
    fflush(stderr);
    cr_assert_stderr_eq_str("\r\nC-a h    print this help\r\n"
                            "C-a x    exit lemu\r\n"
                            "C-a c    ignored (lemu has no monitor)\r\n"
                            "C-a C-a  sends C-a\r\n", "C-a h prints the keys");
}

Test(chardev, escape_split_across_polls_still_works)
{
    int wr, rd;
    Chardev *chr = pipe_chardev(true, &wr, &rd);
    attach(chr);
    type(wr, "\001", 1);
    cr_assert_eq(chardev_poll(chr), 0);
    cr_assert_not(machine_shutdown_requested(NULL));
    type(wr, "x", 1);
    chardev_poll(chr);
    cr_assert(machine_shutdown_requested(NULL));
    cr_assert_eq(got_len, 0);
    chardev_free(chr);
}

Test(chardev, ctrl_a_is_plain_data_without_escapes)
{
    int wr, rd;
    Chardev *chr = pipe_chardev(false, &wr, &rd);
    attach(chr);
    type(wr, "\001x", 2);
    cr_assert_eq(chardev_poll(chr), 2);
    cr_assert_eq(got[0], 0x01);
    cr_assert_eq(got[1], 'x');
    cr_assert_not(machine_shutdown_requested(NULL));
    chardev_free(chr);
}

/* ---- raw terminal (a pseudo-terminal stands in for the user's) ---------- */

static int open_pty(int *slave)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    cr_assert_geq(master, 0);
    cr_assert_eq(grantpt(master), 0);
    cr_assert_eq(unlockpt(master), 0);
    *slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    cr_assert_geq(*slave, 0);
    return master;
}

static bool is_cooked(int fd)
{
    struct termios t;
    cr_assert_eq(tcgetattr(fd, &t), 0);
    return (t.c_lflag & ECHO) && (t.c_lflag & ICANON) && (t.c_lflag & ISIG) &&
           (t.c_iflag & ICRNL);
}

static bool is_raw(int fd)
{
    struct termios t;
    cr_assert_eq(tcgetattr(fd, &t), 0);
    return !(t.c_lflag & (ECHO | ICANON | ISIG | IEXTEN)) && !(t.c_iflag & (ICRNL | IXON)) &&
           (t.c_oflag & OPOST) && (t.c_cflag & CSIZE) == CS8 && t.c_cc[VMIN] == 1;
}

Test(chardev, terminal_is_raw_while_held_and_restored_by_free)
{
    int slave;
    int master = open_pty(&slave);
    cr_assert(is_cooked(slave));
    Chardev *chr = chardev_new_fd(slave, slave, true, NULL);
    cr_assert_not_null(chr);
    cr_assert(chardev_is_raw_tty(chr));
    cr_assert(is_raw(slave));
    chardev_free(chr);
    cr_assert(is_cooked(slave));
    close(slave);
    close(master);
}

Test(chardev, raw_terminal_passes_keys_unchanged)
{
    int slave;
    int master = open_pty(&slave);
    Chardev *chr = chardev_new_fd(slave, slave, true, NULL);
    attach(chr);
    /* Enter, Ctrl-C and Ctrl-Z reach the guest as bytes, with no line editing. */
    cr_assert_eq(write(master, "ls\r\003\032", 5), 5);
    struct pollfd pfd = { .fd = slave, .events = POLLIN };
    cr_assert_eq(poll(&pfd, 1, 5000), 1);
    size_t total = 0;
    for (int i = 0; i < 100 && total < 5; i++) {
        total += chardev_poll(chr);
        if (total < 5) {
            poll(&pfd, 1, 50);
        }
    }
    cr_assert_eq(got_len, 5);
    cr_assert_eq(memcmp(got, "ls\r\003\032", 5), 0);
    cr_assert_not(machine_shutdown_requested(NULL));
    chardev_free(chr);
    close(slave);
    close(master);
}

Test(chardev, only_one_chardev_holds_the_terminal_raw)
{
    int s1, s2;
    int m1 = open_pty(&s1);
    int m2 = open_pty(&s2);
    Chardev *a = chardev_new_fd(s1, s1, true, NULL);
    cr_assert_not_null(a);
    Error *err = NULL;
    cr_assert_null(chardev_new_fd(s2, s2, true, &err));
    cr_assert_not_null(err);
    error_free(err);
    cr_assert(is_cooked(s2), "the refused terminal is left alone");
    Chardev *plain = chardev_new_fd(s2, s2, false, NULL);
    cr_assert_not_null(plain, "without stdio behaviour a terminal is not made raw");
    cr_assert_not(chardev_is_raw_tty(plain));
    chardev_free(plain);
    chardev_free(a);
    close(s1);
    close(s2);
    close(m1);
    close(m2);
}

/* Fork a child that takes the terminal raw and leaves by exit() or _exit(). */
static void child_takes_terminal_then_leaves(int slave, bool use_exit)
{
    int report[2];
    cr_assert_eq(pipe(report), 0);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        Chardev *chr = chardev_new_fd(slave, slave, true, NULL);
        char raw = chr && is_raw(slave) ? 'r' : 'n';
        if (write(report[1], &raw, 1) != 1) {
            _exit(1);
        }
        /* The exit status may be a sanitizer's verdict: only the terminal matters. */
        if (use_exit) {
            exit(0);
        }
        _exit(0);
    }
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status));
    char raw = 0;
    cr_assert_eq(read(report[0], &raw, 1), 1);
    cr_assert_eq(raw, 'r', "the child had the terminal in raw mode");
    close(report[0]);
    close(report[1]);
}

Test(chardev, terminal_is_restored_at_exit)
{
    int slave;
    int master = open_pty(&slave);
    struct termios cooked;
    cr_assert_eq(tcgetattr(slave, &cooked), 0);
    /* _exit skips atexit handlers: the terminal stays raw (what we guard against). */
    child_takes_terminal_then_leaves(slave, false);
    cr_assert(is_raw(slave));
    cr_assert_eq(tcsetattr(slave, TCSANOW, &cooked), 0);
    child_takes_terminal_then_leaves(slave, true);
    cr_assert(is_cooked(slave), "exit() restored the terminal");
    close(slave);
    close(master);
}

Test(chardev, terminal_is_restored_on_a_fatal_signal)
{
    int slave;
    int master = open_pty(&slave);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        signal(SIGTERM, SIG_DFL);
        Chardev *chr = chardev_new_fd(slave, slave, true, NULL);
        if (!chr || !is_raw(slave)) {
            _exit(1);
        }
        raise(SIGTERM);
        _exit(2);
    }
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFSIGNALED(status), "the signal still ends the process");
    cr_assert_eq(WTERMSIG(status), SIGTERM);
    cr_assert(is_cooked(slave));
    close(slave);
    close(master);
}

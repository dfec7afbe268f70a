/*
 * softmmu/chardev.c: the character devices of include/lemu/chardev.h
 * (stdio, file, null, and descriptors given by the caller): output written
 * straight through, input polled from a realtime timer, the terminal's raw
 * mode and its restoration, and the Ctrl-A escapes of stdio consoles.
 *
 * Input is read with poll() then read() rather than by making the
 * descriptor non-blocking: O_NONBLOCK would be set on the open file
 * description that lemu shares with the shell that started it, and would
 * outlive lemu.
 *
 * The raw-mode terminal is process state (one terminal, one saved
 * termios, signal dispositions), so it lives in a single static slot that
 * the atexit and signal handlers can reach.
 */
#include "config.h"
#include "lemu/chardev.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "lemu/machine.h"
#include "lemu/timer.h"

/* The most bytes one poll reads: more than any FIFO a frontend has. */
#define CHARDEV_READ_MAX 256

struct Chardev {
    int in_fd;               /* -1: no input */
    int out_fd;              /* -1: output discarded */
    bool own_out;            /* out_fd was opened here: close it */
    bool stdio_like;         /* Ctrl-A escapes */
    bool holds_stdio;        /* the "stdio" backend: only one at a time */
    bool raw;                /* in_fd is the terminal put in raw mode */
    bool input_closed;
    bool got_escape;         /* the last input byte was Ctrl-A */
    bool output_failed;
    ChardevCanReceive *can_receive;
    ChardevReceive *receive;
    void *opaque;
    LemuTimer poll_timer;
};

/* ---- the raw-mode terminal ------------------------------------------------ */

/* Signals that would end lemu with the terminal still raw. */
static const int chardev_fatal_signals[] = {
    SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGABRT, SIGFPE, SIGSEGV, SIGBUS, SIGTERM,
};
#define CHARDEV_NUM_FATAL (sizeof(chardev_fatal_signals) / sizeof(chardev_fatal_signals[0]))

static struct {
    volatile sig_atomic_t active;
    int fd;
    struct termios saved;
    bool took[CHARDEV_NUM_FATAL];          /* we installed the handler */
    struct sigaction old[CHARDEV_NUM_FATAL];
} chardev_tty;

static bool chardev_atexit_registered;
static bool chardev_stdio_in_use;

/* Async-signal-safe: only tcsetattr. */
static void chardev_tty_restore_termios(void)
{
    if (chardev_tty.active) {
        tcsetattr(chardev_tty.fd, TCSANOW, &chardev_tty.saved);
    }
}

/*
 * Installed with SA_RESETHAND: the disposition is back to the default when
 * this runs, so the re-raised signal (delivered when the handler returns)
 * ends the process as it would have without us.
 */
static void chardev_tty_signal(int sig)
{
    chardev_tty_restore_termios();
    raise(sig);
}

static void chardev_atexit(void)
{
    chardev_tty_restore_termios();
}

/*
 * Take over the fatal signals that still have their default action (a
 * handler someone else installed, a sanitizer's for instance, is left
 * alone: it ends the process its own way).
 */
static void chardev_tty_take_signals(void)
{
    for (size_t i = 0; i < CHARDEV_NUM_FATAL; i++) {
        struct sigaction cur;
        chardev_tty.took[i] = false;
        if (sigaction(chardev_fatal_signals[i], NULL, &cur) < 0 ||
            (cur.sa_flags & SA_SIGINFO) || cur.sa_handler != SIG_DFL) {
            continue;
        }
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = chardev_tty_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        if (sigaction(chardev_fatal_signals[i], &sa, &chardev_tty.old[i]) == 0) {
            chardev_tty.took[i] = true;
        }
    }
}

static void chardev_tty_give_back_signals(void)
{
    for (size_t i = 0; i < CHARDEV_NUM_FATAL; i++) {
        if (chardev_tty.took[i]) {
            sigaction(chardev_fatal_signals[i], &chardev_tty.old[i], NULL);
            chardev_tty.took[i] = false;
        }
    }
}

/*
 * Raw mode as a serial console wants it: bytes arrive one by one as typed
 * (no line editing), nothing is echoed (the guest echoes), Ctrl-C/Ctrl-Z/
 * Ctrl-\ reach the guest instead of signalling lemu, CR is not turned into
 * LF (firmware expects CR for Enter), 8-bit clean.  Output processing stays
 * on so that a guest's bare LF still starts a new line.
 */
static bool chardev_tty_enter_raw(int fd, Error **errp)
{
    if (chardev_tty.active) {
        error_setg(errp, "the terminal is already used by another console");
        return false;
    }
    struct termios t;
    if (tcgetattr(fd, &t) < 0) {
        error_setg_errno(errp, errno, "cannot read the terminal settings");
        return false;
    }
    chardev_tty.saved = t;
    t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t.c_oflag |= OPOST;
    t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
    t.c_cflag |= CS8;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (!chardev_atexit_registered) {
        atexit(chardev_atexit);
        chardev_atexit_registered = true;
    }
    chardev_tty.fd = fd;
    chardev_tty_take_signals();
    chardev_tty.active = 1;
    if (tcsetattr(fd, TCSANOW, &t) < 0) {
        int err = errno;
        chardev_tty.active = 0;
        chardev_tty_give_back_signals();
        error_setg_errno(errp, err, "cannot put the terminal in raw mode");
        return false;
    }
    return true;
}

static void chardev_tty_leave_raw(void)
{
    chardev_tty_restore_termios();
    chardev_tty.active = 0;
    chardev_tty_give_back_signals();
}

/* ---- input ---------------------------------------------------------------- */

static void chardev_print_escape_help(void)
{
    fprintf(stderr,
            "\r\n"
            "C-a h    print this help\r\n"
            "C-a x    exit lemu\r\n"
            "C-a c    ignored (lemu has no monitor)\r\n"
            "C-a C-a  sends C-a\r\n");
}

/*
 * Apply the Ctrl-A escapes to in[0..n), writing what goes to the guest to
 * out.  Returns the number of bytes for the guest.  After Ctrl-A x the rest
 * is dropped: lemu is stopping.
 */
static size_t chardev_filter_escapes(Chardev *chr, const uint8_t *in, size_t n, uint8_t *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (!chr->got_escape) {
            if (c == CHARDEV_ESCAPE_CHAR) {
                chr->got_escape = true;
            } else {
                out[k++] = c;
            }
            continue;
        }
        chr->got_escape = false;
        switch (c) {
        case CHARDEV_ESCAPE_CHAR:
            out[k++] = c;
            break;
        case 'x':
            fprintf(stderr, "\r\nlemu: terminated (C-a x)\r\n");
            machine_request_shutdown(CHARDEV_QUIT_STATUS);
            chr->input_closed = true;
            return k;
        case 'h':
        case '?':
            chardev_print_escape_help();
            break;
        default:
            break;
        }
    }
    return k;
}

static void chardev_close_input(Chardev *chr)
{
    chr->input_closed = true;
    timer_del(&chr->poll_timer);
}

size_t chardev_poll(Chardev *chr)
{
    if (!chr || !chr->receive || chr->input_closed || chr->in_fd < 0) {
        return 0;
    }
    size_t room = chr->can_receive ? chr->can_receive(chr->opaque) : 0;
    if (room == 0) {
        return 0;
    }
    if (room > CHARDEV_READ_MAX) {
        room = CHARDEV_READ_MAX;
    }
    struct pollfd pfd = { .fd = chr->in_fd, .events = POLLIN };
    int r = poll(&pfd, 1, 0);
    if (r <= 0) {
        return 0;   /* nothing yet, or EINTR: try at the next poll */
    }
    if (pfd.revents & POLLNVAL) {
        chardev_close_input(chr);
        return 0;
    }
    uint8_t buf[CHARDEV_READ_MAX];
    ssize_t n = read(chr->in_fd, buf, room);
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            chardev_close_input(chr);
        }
        return 0;
    }
    if (n == 0) {
        chardev_close_input(chr);
        return 0;
    }
    size_t k = (size_t)n;
    uint8_t filtered[CHARDEV_READ_MAX];
    const uint8_t *deliver = buf;
    if (chr->stdio_like) {
        k = chardev_filter_escapes(chr, buf, (size_t)n, filtered);
        deliver = filtered;
    }
    if (chr->input_closed) {
        timer_del(&chr->poll_timer);
    }
    if (k > 0) {
        chr->receive(chr->opaque, deliver, k);
    }
    return k;
}

static void chardev_poll_timer_cb(void *opaque)
{
    Chardev *chr = opaque;
    chardev_poll(chr);
    if (chr->receive && !chr->input_closed) {
        timer_mod(&chr->poll_timer, clock_get_ns(LEMU_CLOCK_REALTIME) + CHARDEV_POLL_NS);
    }
}

void chardev_set_handlers(Chardev *chr, ChardevCanReceive *can_receive,
                          ChardevReceive *receive, void *opaque)
{
    chr->can_receive = can_receive;
    chr->receive = receive;
    chr->opaque = opaque;
    if (receive && chr->in_fd >= 0 && !chr->input_closed) {
        timer_mod(&chr->poll_timer, clock_get_ns(LEMU_CLOCK_REALTIME) + CHARDEV_POLL_NS);
    } else {
        timer_del(&chr->poll_timer);
    }
}

bool chardev_input_closed(const Chardev *chr)
{
    return chr->in_fd < 0 || chr->input_closed;
}

bool chardev_is_raw_tty(const Chardev *chr)
{
    return chr->raw;
}

/* ---- output --------------------------------------------------------------- */

long chardev_write(Chardev *chr, const uint8_t *buf, size_t len)
{
    if (chr->out_fd < 0) {
        return (long)len;
    }
    if (chr->output_failed) {
        return -1;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(chr->out_fd, buf + done, len - done);
        if (n > 0) {
            done += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            /* Someone made the descriptor non-blocking: wait rather than drop. */
            struct pollfd pfd = { .fd = chr->out_fd, .events = POLLOUT };
            poll(&pfd, 1, -1);
            continue;
        }
        fprintf(stderr, "lemu: console output failed: %s; further output is dropped\n",
                n < 0 ? strerror(errno) : "nothing written");
        chr->output_failed = true;
        return -1;
    }
    return (long)len;
}

/* ---- creation ------------------------------------------------------------- */

static Chardev *chardev_alloc(int in_fd, int out_fd, Error **errp)
{
    Chardev *chr = calloc(1, sizeof(*chr));
    if (!chr) {
        error_setg(errp, "out of memory creating a character device");
        return NULL;
    }
    chr->in_fd = in_fd;
    chr->out_fd = out_fd;
    timer_init(&chr->poll_timer, LEMU_CLOCK_REALTIME, chardev_poll_timer_cb, chr);
    return chr;
}

Chardev *chardev_new_fd(int in_fd, int out_fd, bool stdio_like, Error **errp)
{
    if (in_fd < -1 || out_fd < -1) {
        error_setg(errp, "invalid file descriptor for a character device");
        return NULL;
    }
    Chardev *chr = chardev_alloc(in_fd, out_fd, errp);
    if (!chr) {
        return NULL;
    }
    chr->stdio_like = stdio_like;
    if (stdio_like && in_fd >= 0 && isatty(in_fd)) {
        if (!chardev_tty_enter_raw(in_fd, errp)) {
            free(chr);
            return NULL;
        }
        chr->raw = true;
    }
    return chr;
}

static Chardev *chardev_new_file(const char *spec, const char *path, Error **errp)
{
    if (!*path) {
        error_setg(errp, "-serial %s: no file name after 'file:'", spec);
        return NULL;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        error_setg_errno(errp, errno, "-serial %s: cannot open '%s'", spec, path);
        return NULL;
    }
    Chardev *chr = chardev_alloc(-1, fd, errp);
    if (!chr) {
        close(fd);
        return NULL;
    }
    chr->own_out = true;
    return chr;
}

Chardev *chardev_new(const char *spec, Error **errp)
{
    if (!spec) {
        error_setg(errp, "no character device given");
        return NULL;
    }
    if (!strcmp(spec, "stdio") || !strcmp(spec, "mon:stdio")) {
        if (chardev_stdio_in_use) {
            error_setg(errp, "-serial %s: stdio is already used by another character device",
                       spec);
            return NULL;
        }
        Chardev *chr = chardev_new_fd(STDIN_FILENO, STDOUT_FILENO, true, errp);
        if (!chr) {
            error_prepend(errp, "-serial %s", spec);
            return NULL;
        }
        chr->holds_stdio = true;
        chardev_stdio_in_use = true;
        return chr;
    }
    if (!strcmp(spec, "null") || !strcmp(spec, "none")) {
        return chardev_alloc(-1, -1, errp);
    }
    if (!strncmp(spec, "file:", 5)) {
        return chardev_new_file(spec, spec + 5, errp);
    }
    error_setg(errp, "-serial %s: unknown character device (use stdio, mon:stdio, "
               "file:PATH or null)", spec);
    return NULL;
}

void chardev_free(Chardev *chr)
{
    if (!chr) {
        return;
    }
    timer_del(&chr->poll_timer);
    if (chr->raw) {
        chardev_tty_leave_raw();
    }
    if (chr->holds_stdio) {
        chardev_stdio_in_use = false;
    }
    if (chr->own_out && chr->out_fd >= 0) {
        close(chr->out_fd);
    }
    free(chr);
}

/*
 * roms/bench/strings.c: string handling: build a text from random words,
 * then scan it (word count, longest word), search it for substrings,
 * compare words, change case, reverse words in place, format numbers and
 * copy it around, with both hand-written loops and picolibc's string
 * functions: byte loads/stores and short, unpredictable loops.
 */
#include <string.h>

#include "bench.h"

#define STR_TEXT_SIZE (32 * 1024)
#define STR_ROUNDS    100

static const char *const str_words[] = {
    "emulator", "translation", "block", "register", "memory", "region",
    "softmmu", "interpreter", "guest", "host", "page", "table", "cache",
    "hart", "trap", "vector", "instruction", "decoder", "risc", "five",
    "a", "an", "of", "to", "in", "is", "the", "and", "load", "store",
};
#define STR_NWORDS (sizeof(str_words) / sizeof(str_words[0]))

static char str_text[STR_TEXT_SIZE];
static char str_copy[STR_TEXT_SIZE];

static size_t str_build(uint64_t *state)
{
    size_t len = 0;

    while (len + 32 < STR_TEXT_SIZE) {
        const char *w = str_words[bench_rand(state) % STR_NWORDS];
        size_t n = strlen(w);
        memcpy(str_text + len, w, n);
        len += n;
        str_text[len++] = (bench_rand(state) & 7) == 0 ? '\n' : ' ';
    }
    str_text[len] = '\0';
    return len;
}

static size_t str_utoa(uint64_t v, char *out)
{
    char tmp[24];
    size_t n = 0, i = 0;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        out[i++] = tmp[--n];
    out[i] = '\0';
    return i;
}

static uint64_t str_count(const char *hay, const char *needle)
{
    uint64_t count = 0;
    size_t n = strlen(needle);

    for (const char *p = hay; *p; p++) {
        size_t i = 0;
        while (i < n && p[i] == needle[i])
            i++;
        if (i == n)
            count++;
    }
    return count;
}

static uint64_t str_round(uint64_t *state)
{
    size_t len = str_build(state), longest = 0, words = 0, cur = 0;
    uint64_t h = 0;
    char num[24];
    char *start = str_text;

    for (size_t i = 0; i <= len; i++) {
        char c = str_text[i];
        if (c == ' ' || c == '\n' || c == '\0') {
            if (cur) {
                /* reverse the word in place, then compare with the next */
                for (char *a = start, *b = start + cur - 1; a < b; a++, b--) {
                    char t = *a;
                    *a = *b;
                    *b = t;
                }
                words++;
                if (cur > longest)
                    longest = cur;
            }
            cur = 0;
            start = str_text + i + 1;
        } else {
            cur++;
        }
    }
    h += words * 1000 + longest;
    h += str_count(str_text, "kcolb") * 7 + str_count(str_text, "eht ") * 3;
    for (size_t i = 0; i < len; i++)
        if (str_text[i] >= 'a' && str_text[i] <= 'z')
            str_text[i] = (char)(str_text[i] - 'a' + 'A');
    strcpy(str_copy, str_text);
    h += (uint64_t)strcmp(str_copy, str_text) + strlen(str_copy);
    h += (uint64_t)(strchr(str_copy, 'Q') != NULL);
    for (uint64_t v = 1; v < 2000; v = v * 3 + 1)
        h = h * 131 + str_utoa(v * words, num) + (uint64_t)num[0];
    for (size_t i = 0; i < len; i++)
        h = (h ^ (uint8_t)str_copy[i]) * 0x100000001b3ull;
    return h;
}

int main(void)
{
    uint64_t state = 0xda942042e4dd58b5ull, checksum = 0;

    for (int round = 0; round < STR_ROUNDS; round++)
        checksum = (checksum << 5 | checksum >> 59) ^ str_round(&state);
    bench_report("strings", checksum);
    return 0;
}

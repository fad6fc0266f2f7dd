/* Text conversions between the caller's encodings (UTF-8 char*, UTF-16LE WCHAR*). */
#include <stdlib.h>

#include "internal.h"

/* One decoded UTF-8 sequence: its code point and length; a byte that does not start a valid
 * sequence stands for itself, as in a single-byte code page. */
static uint32_t utf8_next(const unsigned char *p, size_t *len)
{
    size_t n = 1;
    uint32_t c = p[0];
    if (p[0] >= 0xC2 && p[0] <= 0xDF) { n = 2; c = p[0] & 0x1Fu; }
    else if (p[0] >= 0xE0 && p[0] <= 0xEF) { n = 3; c = p[0] & 0x0Fu; }
    else if (p[0] >= 0xF0 && p[0] <= 0xF4) { n = 4; c = p[0] & 0x07u; }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *len = 1;
            return p[0];
        }
        c = (c << 6) | (p[i] & 0x3Fu);
    }
    if (c > 0x10FFFF) {
        *len = 1;
        return p[0];
    }
    *len = n;
    return c;
}

/* UTF-16 code units of a UTF-8 string: the unit the 64-character profile limit is counted in
 * (OQ-15), whatever encoding the caller used. */
size_t utf8_utf16_units(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t units = 0;
    while (*p) {
        size_t len;
        uint32_t c = utf8_next(p, &len);
        units += c >= 0x10000 ? 2 : 1;
        p += len;
    }
    return units;
}

void utf8_to_utf16(const char *s, WCHAR *out)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t len;
        uint32_t c = utf8_next(p, &len);
        if (c >= 0x10000) {
            c -= 0x10000;
            *out++ = (WCHAR)(0xD800 + (c >> 10));
            *out++ = (WCHAR)(0xDC00 + (c & 0x3FF));
        } else {
            *out++ = (WCHAR)c;
        }
        p += len;
    }
    *out = 0;
}

/* The length check comes first so that an over-long name is rejected without being copied; lone
 * surrogates become U+FFFD, which matches no profile name anyway. */
char *utf16_to_utf8(const WCHAR *w, size_t max, bool *too_long)
{
    size_t n = 0;
    *too_long = false;
    while (w[n]) {
        if (++n > max) {
            *too_long = true;
            return NULL;
        }
    }
    char *out = malloc(n * 3 + 1);
    if (!out) return NULL;
    char *o = out;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = w[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && w[i + 1] >= 0xDC00 && w[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (w[i + 1] - 0xDC00u);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        if (c < 0x80) {
            *o++ = (char)c;
        } else if (c < 0x800) {
            *o++ = (char)(0xC0 | (c >> 6));
            *o++ = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *o++ = (char)(0xE0 | (c >> 12));
            *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
            *o++ = (char)(0x80 | (c & 0x3F));
        } else {
            *o++ = (char)(0xF0 | (c >> 18));
            *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
            *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
            *o++ = (char)(0x80 | (c & 0x3F));
        }
    }
    *o = 0;
    return out;
}


/* Included before everything else in the Linux release build (never in sanitizer builds).
 *
 * glibc 2.34 moved libpthread into libc and gave some functions a new default symbol version;
 * a library linked against such a glibc then refuses to load on an older one ("version
 * GLIBC_2.34 not found"). Binding the original version of each such function keeps the library
 * loadable on glibc 2.28 (RHEL 8, Debian 10) and later: every glibc still provides it, in
 * libpthread.so.0 before 2.34 (which the library lists as needed: see the Makefile) and in
 * libc.so.6 since. The C tests fail the build on any symbol version above GLIBC_2.28. */
#ifndef MAPI4J_GLIBC_COMPAT_H
#define MAPI4J_GLIBC_COMPAT_H

#if defined(__x86_64__)
#define MAPI4J_GLIBC_BASE "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define MAPI4J_GLIBC_BASE "GLIBC_2.17"
#else
#error "glibc_compat.h: the base glibc symbol version of this architecture is not known"
#endif

__asm__(".symver pthread_mutex_trylock,pthread_mutex_trylock@" MAPI4J_GLIBC_BASE);

#endif

package org.mapi4j.spi;

/**
 * MAPIINIT_0, the argument of MAPIInitialize (spec A.5). Passing {@code null} instead stands for
 * {@code NULL} (INIT-1).
 *
 * @param version {@code ulVersion}; only {@code MAPI_INIT_VERSION} (0) is valid (INIT-3)
 * @param flags {@code ulFlags}; only bits of {@code MAPI_INIT_VALID_MASK} are valid (INIT-4)
 */
public record MapiInit(int version, int flags) {
}

package org.mapi4j.bench.soak;

/**
 * The arguments of one {@code IMAPISession::Logoff(ulUIParam, ulFlags, ulReserved)} call.
 *
 * @param uiParam the parent window ({@code ULONG_PTR})
 * @param flags the flags ({@code ULONG})
 * @param reserved the reserved argument ({@code ULONG})
 */
record Triple(long uiParam, int flags, int reserved) {

    @Override
    public String toString() {
        return String.format("Logoff(uiParam=0x%x, flags=0x%08x, reserved=0x%08x)", uiParam, flags, reserved);
    }
}

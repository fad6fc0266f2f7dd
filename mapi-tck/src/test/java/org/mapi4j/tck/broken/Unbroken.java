package org.mapi4j.tck.broken;

/** Nothing broken: the delegating wrapper alone, which must conform. */
public final class Unbroken extends Breakage {

    /** No rule, no failure. */
    public Unbroken() {
        super(null, "nothing is broken (the delegating wrapper alone)", null);
    }
}

package org.mapi4j.provider.native_;

/**
 * A Java object that owns one reference on a native COM object of this provider: its
 * {@link ComObject}, whose native Release runs exactly once, after the last call in flight. Native
 * calls that take objects as arguments accept only these.
 */
interface NativeObject {

    /** @return the native object and the gate in front of it */
    ComObject com();
}

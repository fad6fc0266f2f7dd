import org.mapi4j.provider.native_.NativeProvider;
import org.mapi4j.spi.MapiProvider;

/**
 * The native MAPI provider: the MAPI C ABI through JNA, or through the JDK's Foreign Function &amp;
 * Memory API on JDK 22 and later ({@code mapi32.dll} on Windows, the mapi4j reference library on
 * Linux). JNA stays required here: a multi-release jar has one module descriptor for every release.
 */
module org.mapi4j.provider.native_ {
    requires org.mapi4j;
    requires com.sun.jna;
    requires org.slf4j;

    exports org.mapi4j.provider.native_;
    // JNA reflects on our Library and Callback interfaces and calls the callbacks' methods.
    opens org.mapi4j.provider.native_ to com.sun.jna;
    // The reference library's control exports: for this project's tests and tools, not exported.
    opens org.mapi4j.provider.native_.reference to com.sun.jna;

    provides MapiProvider with NativeProvider;
}

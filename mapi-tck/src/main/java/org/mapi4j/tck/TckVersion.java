package org.mapi4j.tck;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.mapi4j.spi.Specification;

/** The versions every report states: this TCK's and the specification's it checks. */
public final class TckVersion {

    private static final String TCK = load();

    private TckVersion() {
    }

    /** @return the TCK's version, for example {@code 0.1.0-SNAPSHOT} ({@code unknown} if not packaged) */
    public static String tck() {
        return TCK;
    }

    /** @return the version of the specification the rules come from ({@link Specification#VERSION}) */
    public static String specification() {
        return Specification.VERSION;
    }

    /** @return one line naming both, for reports */
    public static String describe() {
        return "mapi4j TCK " + tck() + ", specification version " + specification();
    }

    private static String load() {
        try (InputStream in = TckVersion.class.getResourceAsStream("tck-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}

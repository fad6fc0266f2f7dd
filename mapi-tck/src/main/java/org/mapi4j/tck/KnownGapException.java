package org.mapi4j.tck;

import org.opentest4j.TestAbortedException;

/**
 * A failure of a rule or case that the TCK subclass lists in {@link MapiProviderTck#knownProviderGaps()}:
 * the test is aborted (shown as skipped) with the full failure text, so that a build can stay green
 * while a known provider bug is being fixed. The command-line runner and the reports count it as a
 * failure: a known gap is never a pass.
 */
public class KnownGapException extends TestAbortedException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * @param key the entry of {@link MapiProviderTck#knownProviderGaps()} that matched
     * @param failure the failure it stands for
     */
    public KnownGapException(String key, Throwable failure) {
        super("known provider gap [" + key + "]: " + failure.getMessage(), failure);
    }
}

package org.mapi4j;

/**
 * No MAPI provider could be selected: none was found, the requested name is unknown, the chosen
 * provider is unavailable, or several share the highest priority. The message says what was found
 * and how to choose.
 */
public class ProviderSelectionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was found and how to choose
     */
    public ProviderSelectionException(String message) {
        super(message);
    }
}

package org.mapi4j.provider.native_;

/** Makes a native provider with {@link NativeProvider#LIBRARY_PROPERTY} set for its constructor only. */
final class ProviderWithLibrary {

    private ProviderWithLibrary() {
    }

    /**
     * @param library the property's value while the constructor runs
     * @return the provider; the property is as it was before
     */
    static NativeProvider create(String library) {
        String before = System.getProperty(NativeProvider.LIBRARY_PROPERTY);
        System.setProperty(NativeProvider.LIBRARY_PROPERTY, library);
        try {
            return new NativeProvider();
        } finally {
            if (before == null) {
                System.clearProperty(NativeProvider.LIBRARY_PROPERTY);
            } else {
                System.setProperty(NativeProvider.LIBRARY_PROPERTY, before);
            }
        }
    }
}

/**
 * A third-party MAPI provider, {@link org.mapi4j.examples.thirdparty.SampleProvider}, written only
 * against the public SPI of mapi-api, and {@link org.mapi4j.examples.thirdparty.SampleProviderDemo},
 * which uses it. The examples' tests certify it with the mapi4j TCK, as the README's "Certify your
 * provider" shows.
 */
package org.mapi4j.examples.thirdparty;

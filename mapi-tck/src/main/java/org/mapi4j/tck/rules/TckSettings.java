package org.mapi4j.tck.rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the TCK needs to know about the provider's environment, from the hooks of
 * {@link org.mapi4j.tck.MapiProviderTck}.
 *
 * @param defaultProfileName the name of the default profile
 * @param defaultProfileStores the display names of the default profile's message stores, in table
 *     order, or an empty list not to check them
 * @param otherProfileName an existing profile that is not the default one
 * @param unknownProfileName a profile name that does not exist (at most 64 characters)
 * @param notificationTimeout how long to wait for an asynchronous notification (SHARED-7) or a racing
 *     thread; a correct provider never makes the TCK wait this long
 * @param callbackTimeout how long the watchdog lets a call run before it fails the rule as hung
 * @param raceThreads how many threads race (LOGOFF-5)
 * @param raceRounds how many rounds a race is repeated
 * @param sharedParticipants how many handles share a session (SHARED-5), at least 2
 */
public record TckSettings(String defaultProfileName, List<String> defaultProfileStores, String otherProfileName,
        String unknownProfileName, Duration notificationTimeout, Duration callbackTimeout, int raceThreads, int raceRounds,
        int sharedParticipants) {

    /**
     * Checks the values.
     *
     * @param defaultProfileName the record component of that name
     * @param defaultProfileStores the record component of that name
     * @param otherProfileName the record component of that name
     * @param unknownProfileName the record component of that name
     * @param notificationTimeout the record component of that name
     * @param callbackTimeout the record component of that name
     * @param raceThreads the record component of that name
     * @param raceRounds the record component of that name
     * @param sharedParticipants the record component of that name
     */
    public TckSettings {
        Objects.requireNonNull(defaultProfileName, "defaultProfileName");
        defaultProfileStores = List.copyOf(defaultProfileStores);
        Objects.requireNonNull(otherProfileName, "otherProfileName");
        Objects.requireNonNull(unknownProfileName, "unknownProfileName");
        Objects.requireNonNull(notificationTimeout, "notificationTimeout");
        Objects.requireNonNull(callbackTimeout, "callbackTimeout");
        if (raceThreads < 2 || raceRounds < 1 || sharedParticipants < 2) {
            throw new IllegalArgumentException("raceThreads >= 2, raceRounds >= 1, sharedParticipants >= 2");
        }
    }
}

package org.mapi4j.bench.soak;

import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.spi.LogoffConfirmation;

/**
 * A logoff confirmation hook (decision 3) whose answer is scripted, and which records how often it
 * was asked and with which parent window, so a test can check "exactly once, with the exact
 * {@code ulUIParam}" (LOGOFF-UI-*) and "never" (LOGOFF-UIPARAM-1, rejected calls).
 */
final class ScriptedConfirmation implements LogoffConfirmation {

    /** What the hook answers. */
    enum Answer {
        /** Let the logoff proceed. */
        ACCEPT,
        /** Decline: Logoff returns MAPI_E_USER_CANCEL, nothing changed (LOGOFF-UI-2). */
        DECLINE,
        /** Throw: Logoff returns MAPI_E_CALL_FAILED, nothing changed (LOGOFF-UI-3). */
        THROW
    }

    private final Answer answer;
    private final AtomicInteger asked = new AtomicInteger();
    private volatile long lastParentWindow;

    ScriptedConfirmation(Answer answer) {
        this.answer = answer;
    }

    @Override
    public boolean confirmLogoff(long parentWindow) {
        lastParentWindow = parentWindow;
        asked.incrementAndGet();
        if (answer == Answer.THROW) {
            throw new IllegalStateException("scripted failure of the logoff confirmation");
        }
        return answer == Answer.ACCEPT;
    }

    Answer answer() {
        return answer;
    }

    /** @return how often the hook was asked since the last {@link #reset()} */
    int asked() {
        return asked.get();
    }

    /** @return the parent window of the last question */
    long lastParentWindow() {
        return lastParentWindow;
    }

    void reset() {
        asked.set(0);
        lastParentWindow = 0;
    }
}

package org.mapi4j.tck.rules;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mapi4j.spi.LogoffConfirmation;

/** A scripted logoff confirmation (decision 3) that answers as told and records its calls. */
final class ConfirmationRecorder implements LogoffConfirmation {

    private final boolean answer;
    private final RuntimeException failure;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong lastParentWindow = new AtomicLong();

    ConfirmationRecorder(boolean answer) {
        this.answer = answer;
        this.failure = null;
    }

    ConfirmationRecorder(RuntimeException failure) {
        this.answer = false;
        this.failure = failure;
    }

    @Override
    public boolean confirmLogoff(long parentWindow) {
        calls.incrementAndGet();
        lastParentWindow.set(parentWindow);
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    int calls() {
        return calls.get();
    }

    long lastParentWindow() {
        return lastParentWindow.get();
    }
}

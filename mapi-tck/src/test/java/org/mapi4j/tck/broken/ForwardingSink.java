package org.mapi4j.tck.broken;

import java.util.List;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.Notification;

/**
 * The sink a {@link DelegatingSession} registers with the real provider in place of the caller's, so
 * that a broken behaviour can hold back, repeat or keep forwarding what reaches the caller's sink.
 */
public final class ForwardingSink implements AdviseSink {

    public final DelegatingSession session;
    public final AdviseSink target;
    public final int mask;
    private boolean released;

    public ForwardingSink(DelegatingSession session, AdviseSink target, int mask) {
        this.session = session;
        this.target = target;
        this.mask = mask;
    }

    @Override
    public int onNotify(List<Notification> notifications) {
        return session.forward(target, notifications);
    }

    @Override
    public int addRef() {
        return target.addRef();
    }

    @Override
    public int release() {
        if (session.swallowReleases) {
            session.heldReleases.add(this);
            return 1;
        }
        return releaseTarget();
    }

    /** Releases the caller's sink once; later calls do nothing. */
    public int releaseTarget() {
        synchronized (this) {
            if (released) {
                return 0;
            }
            released = true;
        }
        try {
            return target.release();
        } catch (RuntimeException e) {
            session.sinkFailed = true;
            throw e;
        }
    }
}

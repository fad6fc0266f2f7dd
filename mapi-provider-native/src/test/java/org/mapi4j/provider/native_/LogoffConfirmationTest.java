package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;

/** MAPI_LOGOFF_UI answered by the LogoffConfirmation through the library's hook (decision 3). */
class LogoffConfirmationTest extends ReferenceLibraryFixture {

    private static final long PARENT_WINDOW = 0x1234_5678_9ABC_DEF0L;

    private final List<Long> asked = new CopyOnWriteArrayList<>();

    @Test
    void theReferenceLibraryDeclaresScriptedConfirmation() {
        assertTrue(provider.capabilities().contains(ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION));
    }

    @Test
    void logoffUi1ConfirmedLogsOffAndTheHookSawTheExactUiParam() {
        provider.setLogoffConfirmation(parent -> asked.add(parent));
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);

        assertHr(S_OK, session.logoff(PARENT_WINDOW, MapiConstants.MAPI_LOGOFF_UI, 0));

        assertEquals(List.of(PARENT_WINDOW), asked);
        assertEquals(HandleState.LOGGED_OFF, ((NativeSession) session).handleState());
        assertHr(MAPI_E_INVALID_OBJECT, session.queryIdentity(new Out<>()));
        session.release();
        provider.uninitialize();
    }

    @Test
    void logoffUi2DeclinedIsUserCancelAndNothingChanged() {
        provider.setLogoffConfirmation(parent -> {
            asked.add(parent);
            return false;
        });
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        RecordingSink sink = new RecordingSink();
        session.advise(null, MapiConstants.FNEV_EXTENDED, sink, new org.mapi4j.spi.LongOut());

        assertHr(MAPI_E_USER_CANCEL, session.logoff(7, MapiConstants.MAPI_LOGOFF_UI, 0));

        assertEquals(List.of(7L), asked);
        assertEquals(HandleState.LOGGED_ON, ((NativeSession) session).handleState());
        assertHr(S_OK, session.queryIdentity(new Out<>()));
        assertTrue(sink.received.isEmpty(), "nobody was notified");
        assertEquals(1, sink.held(), "the registration is untouched");
        assertHr(S_OK, session.logoff(0, 0, 0));
        assertEquals(List.of(7L), asked, "without MAPI_LOGOFF_UI the hook is not asked (LOGOFF-UIPARAM-1)");
        session.release();
        provider.uninitialize();
    }

    @Test
    void logoffUi3ThrowingIsCallFailedAndNothingChanged() {
        provider.setLogoffConfirmation(parent -> {
            asked.add(parent);
            throw new IllegalStateException("confirmation failure for the test");
        });
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);

        assertHr(MAPI_E_CALL_FAILED, session.logoff(9, MapiConstants.MAPI_LOGOFF_UI, 0));

        assertEquals(List.of(9L), asked);
        assertEquals(HandleState.LOGGED_ON, ((NativeSession) session).handleState());
        assertHr(S_OK, session.queryIdentity(new Out<>()));
        session.release(); // REL-1 without asking
        assertEquals(List.of(9L), asked);
        provider.uninitialize();
    }

    @Test
    void withoutAHookLogoffUiBehavesAsZero() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        assertHr(S_OK, session.logoff(3, MapiConstants.MAPI_LOGOFF_UI, 0));
        assertEquals(HandleState.LOGGED_OFF, ((NativeSession) session).handleState());
        session.release();
        provider.uninitialize();
    }

    @Test
    void theHookMayUseTheSessionItIsAskedAbout() {
        MapiSessionHandle[] holder = new MapiSessionHandle[1];
        List<Integer> fromInside = new CopyOnWriteArrayList<>();
        provider.setLogoffConfirmation(parent -> {
            fromInside.add(holder[0].queryIdentity(new Out<>()));
            return true;
        });
        initialize();
        holder[0] = logon(LOGON_DEFAULT);
        assertHr(S_OK, holder[0].logoff(0, MapiConstants.MAPI_LOGOFF_UI, 0));
        assertEquals(List.of(S_OK), fromInside, "still logged on while the confirmation runs");
        holder[0].release();
        provider.uninitialize();
    }
}

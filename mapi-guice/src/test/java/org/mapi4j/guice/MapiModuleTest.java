package org.mapi4j.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.LogoffFlag;
import org.mapi4j.LogonFlag;
import org.mapi4j.MapiException;
import org.mapi4j.MapiSession;
import org.mapi4j.MapiSubsystem;
import org.mapi4j.SharedLogoffListener;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.spi.MapiProvider;

class MapiModuleTest {

    @Test
    void injectedSessionWorksAndResourcesCloseEverything() {
        Injector injector = Guice.createInjector(MapiModule.forProvider("inmemory"));
        MapiSession session = injector.getInstance(MapiSession.class);
        InMemoryProvider provider = (InMemoryProvider) injector.getInstance(MapiProvider.class);

        assertTrue(session.isLoggedOn());
        assertEquals("Personal Folders", session.messageStores().get(0).displayName());
        assertSame(session, injector.getInstance(MapiSession.class), "one session per injector");
        assertEquals(1, provider.initCount());

        injector.getInstance(MapiResources.class).close();

        assertFalse(session.isLoggedOn());
        assertEquals(0, provider.liveSessionCount());
        assertEquals(0, provider.initCount(), "MAPIUninitialize ran once");
        assertTrue(injector.getInstance(MapiSubsystem.class).isClosed());
    }

    @Test
    void confirmationAndPolicyComeFromBindings() {
        List<Long> asked = new ArrayList<>();
        Injector injector = Guice.createInjector(MapiModule.forProvider("inmemory"), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), LogoffConfirmation.class).setBinding()
                        .toInstance(parentWindow -> asked.add(parentWindow) && false);
                OptionalBinder.newOptionalBinder(binder(), SharedLogoffPolicy.class).setBinding()
                        .toInstance(SharedLogoffPolicy.REJECT);
            }
        });
        MapiSession session = injector.getInstance(MapiSession.class);
        try {
            MapiException declined = assertThrows(MapiException.class, () -> session.logoff(77L, LogoffFlag.UI));
            assertEquals(0x80040113, declined.code());
            assertEquals(List.of(77L), asked);

            MapiException rejected = assertThrows(MapiException.class, () -> session.logoff(LogoffFlag.SHARED));
            assertEquals(0x80070005, rejected.code());
            assertTrue(session.isLoggedOn());
        } finally {
            injector.getInstance(MapiResources.class).close();
        }
    }

    @Test
    void multiboundListenersHearAnotherClientsSharedLogoff() {
        List<HResult> heard = new ArrayList<>();
        Injector injector = Guice.createInjector(MapiModule.forProvider("inmemory"), new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), SharedLogoffListener.class).addBinding()
                        .toInstance((session, scode) -> heard.add(scode));
                OptionalBinder.newOptionalBinder(binder(), SessionSettings.class).setBinding()
                        .toInstance(new SessionSettings(null, Set.of(LogonFlag.USE_DEFAULT, LogonFlag.NEW_SESSION,
                                LogonFlag.ALLOW_OTHERS, LogonFlag.EXTENDED)));
                OptionalBinder.newOptionalBinder(binder(), SharedLogoffPolicy.class).setBinding()
                        .toInstance(SharedLogoffPolicy.ALLOW);
            }
        });
        injector.getInstance(MapiSession.class);
        MapiSubsystem subsystem = injector.getInstance(MapiSubsystem.class);
        try (MapiSession other = subsystem.logon(0L, null, Set.of(LogonFlag.EXTENDED))) {
            other.logoff(LogoffFlag.SHARED);
        } finally {
            injector.getInstance(MapiResources.class).close();
        }
        assertEquals(List.of(HResult.of(0x80040200)), heard);
    }
}

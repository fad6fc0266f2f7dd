package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropTags;
import org.mapi4j.spi.PropValue;

/** CHILD-1: objects obtained through a handle become invalid when it leaves LOGGED_ON; AddRef/Release still work. */
class ChildTest {

    private final Fx fx = new Fx();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    /** The children of one handle, opened while it is logged on. */
    private static final class Children {
        final MapiTable table;
        final MapiProp store;
        final MapiProp ownSection;
        final MapiProp uidSection;
        final ClientShutdown shutdown;

        Children(InMemorySessionHandle handle) {
            Out<MapiTable> t = new Out<>();
            assertEquals(Hr.S_OK, handle.getMsgStoresTable(0, t));
            table = t.get();
            Out<List<List<PropValue>>> rows = new Out<>();
            assertEquals(Hr.S_OK, table.queryRows(10, 0, rows));
            byte[] entryId = (byte[]) rows.get().get(0).stream().filter(p -> p.tag() == PropTags.PR_ENTRYID)
                    .findFirst().orElseThrow().value();
            Out<MapiProp> s = new Out<>();
            assertEquals(Hr.S_OK, handle.openMsgStore(0, entryId, null, 0, s));
            store = s.get();
            Out<MapiProp> p = new Out<>();
            assertEquals(Hr.S_OK, handle.openProfileSection(null, null, 0, p));
            ownSection = p.get();
            Out<MapiProp> q = new Out<>();
            assertEquals(Hr.S_OK, handle.openProfileSection(new byte[16], null, 0, q));
            uidSection = q.get();
            Out<Object> c = new Out<>();
            assertEquals(Hr.S_OK, handle.queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, c));
            shutdown = (ClientShutdown) c.get();
            assertNotNull(shutdown);
        }

        void assertAll(int expected) {
            assertEquals(expected, table.getRowCount(0, new IntOut()), "table GetRowCount");
            Out<List<List<PropValue>>> rows = new Out<>();
            assertEquals(expected, table.queryRows(1, 0, rows), "table QueryRows");
            for (MapiProp prop : List.of(store, ownSection, uidSection)) {
                Out<List<PropValue>> values = new Out<>();
                assertEquals(expected, prop.getProps(null, 0, values), "GetProps");
                if (expected != 0) {
                    assertNull(values.get());
                }
            }
            assertEquals(expected, shutdown.queryFastShutdown(), "QueryFastShutdown");
            assertEquals(expected, shutdown.notifyProcessShutdown(), "NotifyProcessShutdown");
            for (MapiUnknown child : List.of(table, store, ownSection, uidSection, shutdown)) {
                Out<Object> ppv = new Out<>();
                int hr = child.queryInterface(Iids.IID_IUNKNOWN, ppv);
                assertEquals(expected, hr, "QueryInterface of " + child);
                if (hr == 0) {
                    assertEquals(1, child.release());
                } else {
                    assertNull(ppv.get());
                }
                assertEquals(2, child.addRef(), "AddRef keeps working");
                assertEquals(1, child.release(), "Release keeps working");
            }
        }

        void releaseAll() {
            for (MapiUnknown child : List.of(table, store, ownSection, uidSection, shutdown)) {
                assertEquals(0, child.release());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"logoff", "uninitialize", "release"})
    @DisplayName("CHILD-1: stores table, OpenMsgStore store, profile sections and IMAPIClientShutdown become invalid")
    void CHILD_1_childrenInvalidAfterHandleLeavesLoggedOn(String how) {
        InMemorySessionHandle handle = fx.individual();
        Children children = new Children(handle);
        children.assertAll(0x00000000);
        switch (how) {
            case "logoff" -> assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
            case "uninitialize" -> fx.provider.uninitialize();
            default -> assertEquals(0, handle.release());
        }
        children.assertAll(0x80040108);
        children.releaseAll();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"logoff", "release"})
    @DisplayName("CHILD-1: children of another handle of the same shared session are unaffected")
    void CHILD_1_otherParticipantsChildrenUnaffected(String how) {
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        Children ownerChildren = new Children(owner);
        Children joinerChildren = new Children(joiner);
        if (how.equals("logoff")) {
            assertEquals(Hr.S_OK, owner.logoff(0, 0, 0));
        } else {
            assertEquals(0, owner.release());
        }
        ownerChildren.assertAll(0x80040108);
        joinerChildren.assertAll(0x00000000);
    }
}

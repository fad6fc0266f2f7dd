package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.Supplier;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiError;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;

/** Calls every non-IUnknown IMAPISession method (POSTLOGOFF-1) with out-parameters pre-filled with garbage. */
final class AllMethods {

    private AllMethods() {
    }

    private static <T> Out<T> filled(T garbage) {
        Out<T> out = new Out<>();
        out.set(garbage);
        return out;
    }

    private static IntOut filledInt() {
        IntOut out = new IntOut();
        out.set(0x5A5A);
        return out;
    }

    private static LongOut filledLong() {
        LongOut out = new LongOut();
        out.set(0x5A5A5A5AL);
        return out;
    }

    /** Asserts that every method returns {@code expected} and clears its out-parameters. */
    static void assertAll(MapiSessionHandle h, int expected, Supplier<byte[]> anyEntryId) {
        byte[] id = anyEntryId.get();
        Out<MapiError> error = filled(new MapiError(0, "x", "x", 0, 0));
        check("GetLastError", expected, h.getLastError(expected, 0, error), error.get());
        Out<MapiTable> table = filled(null);
        check("GetMsgStoresTable", expected, h.getMsgStoresTable(0, table), table.get());
        Out<MapiProp> store = filled(null);
        check("OpenMsgStore", expected, h.openMsgStore(0, id, null, 0, store), store.get());
        Out<MapiUnknown> book = filled(h);
        check("OpenAddressBook", expected, h.openAddressBook(0, null, 0, book), book.get());
        Out<MapiProp> section = filled(null);
        check("OpenProfileSection", expected, h.openProfileSection(null, null, 0, section), section.get());
        Out<MapiTable> status = filled(null);
        check("GetStatusTable", expected, h.getStatusTable(0, status), status.get());
        Out<MapiUnknown> entry = filled(h);
        IntOut type = filledInt();
        check("OpenEntry", expected, h.openEntry(id, null, 0, type, entry), entry.get());
        assertEquals(0, type.get(), "OpenEntry object type");
        IntOut same = filledInt();
        assertEquals(expected, h.compareEntryIDs(id, id, 0, same), "CompareEntryIDs");
        assertEquals(0, same.get(), "CompareEntryIDs result");
        LongOut connection = filledLong();
        RecordingSink sink = new RecordingSink();
        assertEquals(expected, h.advise(null, 1, sink, connection), "Advise");
        assertEquals(0, connection.get(), "Advise connection");
        assertEquals(0, sink.addRefs.get(), "Advise must not AddRef the sink");
        assertEquals(expected, h.unadvise(1), "Unadvise");
        assertEquals(expected, h.messageOptions(0, 0, "SMTP", null), "MessageOptions");
        Out<List<PropValue>> options = filled(List.of());
        check("QueryDefaultMessageOpt", expected, h.queryDefaultMessageOpt("SMTP", 0, options), options.get());
        Out<List<String>> types = filled(List.of());
        check("EnumAdrTypes", expected, h.enumAdrTypes(0, types), types.get());
        Out<byte[]> identity = filled(new byte[1]);
        check("QueryIdentity", expected, h.queryIdentity(identity), identity.get());
        assertEquals(expected, h.logoff(0, 0, 0), "Logoff");
        assertEquals(expected, h.setDefaultStore(0, id), "SetDefaultStore");
        Out<MapiUnknown> admin = filled(h);
        check("AdminServices", expected, h.adminServices(0, admin), admin.get());
        assertEquals(expected, h.showForm(0, null, null, null, 0, null, 0, 0, 0, 0, "IPM.Note"), "ShowForm");
        LongOut token = filledLong();
        assertEquals(expected, h.prepareForm(null, null, token), "PrepareForm");
        assertEquals(0, token.get(), "PrepareForm token");
    }

    private static void check(String method, int expected, int actual, Object out) {
        assertEquals(expected, actual, method);
        assertNull(out, method + " out-parameter");
    }
}

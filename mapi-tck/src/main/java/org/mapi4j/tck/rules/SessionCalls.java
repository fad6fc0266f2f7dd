package org.mapi4j.tck.rules;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiError;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.tck.fixture.CountingSink;

/**
 * Every non-IUnknown IMAPISession method (slots 3 to 21), called with plausible arguments and
 * out-parameters pre-filled with sentinels, for POSTLOGOFF-1.
 */
final class SessionCalls {

    /** What a call returned and whether it left every out-parameter NULL or 0. */
    record Result(int hr, boolean outsCleared) {
    }

    /** One method. */
    record Call(int slot, String text, BiFunction<MapiSessionHandle, byte[], Result> invoke) {
    }

    private SessionCalls() {
    }

    private static final long SENTINEL_NUMBER = 0x5A5A5A5AL;

    static List<Call> all() {
        return List.of(
                new Call(3, "getLastError(MAPI_E_CALL_FAILED, 0, &err)", (h, id) -> {
                    Out<MapiError> out = filled(new MapiError(1, "sentinel", "sentinel", 1, 1));
                    return new Result(h.getLastError(0x80004005, 0, out), out.get() == null);
                }),
                new Call(4, "getMsgStoresTable(0, &table)", (h, id) -> {
                    Out<MapiTable> out = filled(Sentinels.of(MapiTable.class));
                    return new Result(h.getMsgStoresTable(0, out), out.get() == null);
                }),
                new Call(5, "openMsgStore(0, storeEntryId, NULL, 0, &store)", (h, id) -> {
                    Out<MapiProp> out = filled(Sentinels.of(MapiProp.class));
                    return new Result(h.openMsgStore(0, id, null, 0, out), out.get() == null);
                }),
                new Call(6, "openAddressBook(0, NULL, 0, &ab)", (h, id) -> {
                    Out<MapiUnknown> out = filled(Sentinels.of(MapiUnknown.class));
                    return new Result(h.openAddressBook(0, null, 0, out), out.get() == null);
                }),
                new Call(7, "openProfileSection(NULL, NULL, 0, &section)", (h, id) -> {
                    Out<MapiProp> out = filled(Sentinels.of(MapiProp.class));
                    return new Result(h.openProfileSection(null, null, 0, out), out.get() == null);
                }),
                new Call(8, "getStatusTable(0, &table)", (h, id) -> {
                    Out<MapiTable> out = filled(Sentinels.of(MapiTable.class));
                    return new Result(h.getStatusTable(0, out), out.get() == null);
                }),
                new Call(9, "openEntry(storeEntryId, NULL, 0, &type, &obj)", (h, id) -> {
                    IntOut type = new IntOut();
                    type.set((int) SENTINEL_NUMBER);
                    Out<MapiUnknown> out = filled(Sentinels.of(MapiUnknown.class));
                    return new Result(h.openEntry(id, null, 0, type, out), out.get() == null && type.get() == 0);
                }),
                new Call(10, "compareEntryIDs(storeEntryId, storeEntryId, 0, &result)", (h, id) -> {
                    IntOut out = new IntOut();
                    out.set((int) SENTINEL_NUMBER);
                    return new Result(h.compareEntryIDs(id, id, 0, out), out.get() == 0);
                }),
                new Call(11, "advise(NULL, 0, sink, &conn)", (h, id) -> {
                    LongOut out = new LongOut();
                    out.set(SENTINEL_NUMBER);
                    CountingSink sink = new CountingSink("post-logoff");
                    int hr = h.advise(null, 0, sink, out);
                    return new Result(hr, out.get() == 0 && sink.addRefs() == 0);
                }),
                new Call(12, "unadvise(1)", (h, id) -> new Result(h.unadvise(1), true)),
                new Call(13, "messageOptions(0, 0, \"SMTP\", NULL)", (h, id) ->
                        new Result(h.messageOptions(0, 0, "SMTP", null), true)),
                new Call(14, "queryDefaultMessageOpt(\"SMTP\", 0, &options)", (h, id) -> {
                    Out<List<PropValue>> out = filled(List.of(new PropValue(0, "sentinel")));
                    return new Result(h.queryDefaultMessageOpt("SMTP", 0, out), out.get() == null);
                }),
                new Call(15, "enumAdrTypes(0, &types)", (h, id) -> {
                    Out<List<String>> out = filled(List.of("sentinel"));
                    return new Result(h.enumAdrTypes(0, out), out.get() == null);
                }),
                new Call(16, "queryIdentity(&entryId)", (h, id) -> {
                    Out<byte[]> out = filled(new byte[] {0x5A});
                    return new Result(h.queryIdentity(out), out.get() == null);
                }),
                new Call(17, "logoff(0, 0, 0) a second time", (h, id) -> new Result(h.logoff(0, 0, 0), true)),
                new Call(18, "setDefaultStore(0, storeEntryId)", (h, id) -> new Result(h.setDefaultStore(0, id), true)),
                new Call(19, "adminServices(0, &admin)", (h, id) -> {
                    Out<MapiUnknown> out = filled(Sentinels.of(MapiUnknown.class));
                    return new Result(h.adminServices(0, out), out.get() == null);
                }),
                new Call(20, "showForm(0, NULL, NULL, NULL, 1, NULL, 0, 0, 0, 0, \"IPM.Note\")", (h, id) ->
                        new Result(h.showForm(0, null, null, null, 1, null, 0, 0, 0, 0, "IPM.Note"), true)),
                new Call(21, "prepareForm(NULL, NULL, &token)", (h, id) -> {
                    LongOut out = new LongOut();
                    out.set(SENTINEL_NUMBER);
                    return new Result(h.prepareForm((UUID) null, null, out), out.get() == 0);
                }));
    }

    private static <T> Out<T> filled(T value) {
        Out<T> out = new Out<>();
        out.set(value);
        return out;
    }
}

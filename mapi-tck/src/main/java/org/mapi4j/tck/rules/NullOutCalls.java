package org.mapi4j.tck.rules;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.fixture.CountingSink;

/**
 * Every IMAPISession slot with a required out-parameter, called with {@code null} for it (GEN-5,
 * spec decision 7). The other arguments are valid, so that only the missing out-parameter is wrong.
 */
final class NullOutCalls {

    /** One slot, called with a NULL out-parameter. */
    record Call(String text, BiFunction<MapiSessionHandle, byte[], Integer> invoke) {
    }

    private NullOutCalls() {
    }

    static List<Call> all() {
        return List.of(
                new Call("queryInterface(IID_IMAPISession, NULL)",
                        (h, id) -> h.queryInterface(Iids.IID_IMAPISESSION, null)),
                new Call("getLastError(MAPI_E_CALL_FAILED, 0, NULL)", (h, id) -> h.getLastError(0x80004005, 0, null)),
                new Call("getMsgStoresTable(0, NULL)", (h, id) -> h.getMsgStoresTable(0, null)),
                new Call("openMsgStore(0, storeEntryId, NULL, 0, NULL)", (h, id) -> h.openMsgStore(0, id, null, 0, null)),
                new Call("openAddressBook(0, NULL, 0, NULL)", (h, id) -> h.openAddressBook(0, null, 0, null)),
                new Call("openProfileSection(NULL, NULL, 0, NULL)", (h, id) -> h.openProfileSection(null, null, 0, null)),
                new Call("getStatusTable(0, NULL)", (h, id) -> h.getStatusTable(0, null)),
                new Call("openEntry(storeEntryId, NULL, 0, &type, NULL)",
                        (h, id) -> h.openEntry(id, null, 0, new org.mapi4j.spi.IntOut(), null)),
                new Call("openEntry(storeEntryId, NULL, 0, NULL, &obj)",
                        (h, id) -> h.openEntry(id, null, 0, null, new org.mapi4j.spi.Out<>())),
                new Call("compareEntryIDs(storeEntryId, storeEntryId, 0, NULL)",
                        (h, id) -> h.compareEntryIDs(id, id, 0, null)),
                new Call("advise(NULL, 0, sink, NULL)",
                        (h, id) -> h.advise(null, 0, new CountingSink(Rule.GEN_5.id()), null)),
                new Call("queryDefaultMessageOpt(\"SMTP\", 0, NULL)", (h, id) -> h.queryDefaultMessageOpt("SMTP", 0, null)),
                new Call("enumAdrTypes(0, NULL)", (h, id) -> h.enumAdrTypes(0, null)),
                new Call("queryIdentity(NULL)", (h, id) -> h.queryIdentity(null)),
                new Call("adminServices(0, NULL)", (h, id) -> h.adminServices(0, null)),
                new Call("prepareForm(NULL, NULL, NULL)", (h, id) -> h.prepareForm((UUID) null, null, null)));
    }
}

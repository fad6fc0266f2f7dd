package org.mapi4j.tck.broken.child;

import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.Intercepted;

/** Breaks CHILD-1: QueryInterface on the message-stores table answers S_OK after its session logged off. */
public final class Child1TableQueryInterfaceAfterLogoff extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Child1TableQueryInterfaceAfterLogoff() {
        super(Rule.CHILD_1, "QueryInterface on the message-stores table answers S_OK after its session logged off",
                "[the message-stores table after logoff(0, 0, 0) of its session] CHILD-1: queryInterface(IID_IUnknown,"
                        + " &obj) on the message-stores table after logoff(0, 0, 0) of its session expected"
                        + " MAPI_E_INVALID_OBJECT (0x80040108) but was S_OK (0x00000000)");
    }

    @Override
    protected MapiTable storesTable(MapiTable table) {
        return Intercepted.of(MapiTable.class, table, (proxy, method, args) -> {
            if (!method.getName().equals("queryInterface") || args[0] == null) {
                return Intercepted.FORWARD;
            }
            @SuppressWarnings("unchecked")
            Out<Object> ppv = (Out<Object>) args[1];
            ppv.set(proxy);
            return S_OK;
        });
    }
}

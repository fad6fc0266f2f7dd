package org.mapi4j.tck.broken.child;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.lang.reflect.Proxy;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

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
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int getMsgStoresTable(int flags, Out<MapiTable> table) {
                int hr = super.getMsgStoresTable(flags, table);
                if (hr == S_OK && table != null && table.get() != null) {
                    MapiTable real = table.get();
                    table.set((MapiTable) Proxy.newProxyInstance(MapiTable.class.getClassLoader(),
                            new Class<?>[] {MapiTable.class}, (proxy, method, args) -> {
                                if (method.getName().equals("queryInterface") && args[0] != null) {
                                    @SuppressWarnings("unchecked")
                                    Out<Object> ppv = (Out<Object>) args[1];
                                    ppv.set(proxy);
                                    return S_OK;
                                }
                                try {
                                    return method.invoke(real, args);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            }));
                }
                return hr;
            }
        };
    }
}

package org.mapi4j.tck.broken.child;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks CHILD-1: a message store keeps answering GetProps after its session logged off. */
public final class Child1StoreStaysValid extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Child1StoreStaysValid() {
        super(Rule.CHILD_1, "a message store keeps answering GetProps after its session logged off",
                "[a message store after logoff(0, 0, 0) of its session] CHILD-1: getProps(NULL, 0, &values) on a message store after logoff(0, 0, 0) of its session expected MAPI_E_INVALID_OBJECT (0x80040108) but was S_OK (0x00000000)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int openMsgStore(long ui, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
                int hr = super.openMsgStore(ui, entryId, iid, flags, store);
                if (hr == S_OK && store.get() != null) {
                    MapiProp real = store.get();
                    store.set(new MapiProp() {
                        @Override
                        public int getProps(int[] tags, int fl, Out<List<PropValue>> values) {
                            int r = real.getProps(tags, fl, values);
                            if (r == MAPI_E_INVALID_OBJECT) {
                                values.set(List.of());
                                return S_OK;
                            }
                            return r;
                        }

                        @Override
                        public int queryInterface(UUID id, Out<Object> ppv) {
                            return real.queryInterface(id, ppv);
                        }

                        @Override
                        public int addRef() {
                            return real.addRef();
                        }

                        @Override
                        public int release() {
                            return real.release();
                        }
                    });
                }
                return hr;
            }
        };
    }
}

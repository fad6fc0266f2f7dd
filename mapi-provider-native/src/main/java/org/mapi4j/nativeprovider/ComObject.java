package org.mapi4j.nativeprovider;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One native COM object this provider holds exactly one reference on, and the mechanics of calling
 * it (spec A.2, B-COMLAYOUT): {@code self} points at the object, whose first field is the vtable;
 * slot {@code k} is at {@code k * POINTER_SIZE} (ABI-1) and is called with {@code self} first.
 *
 * <p>The per-interface classes ({@link NativeSession}, {@link NativeTable}, ...) name the slots;
 * this class only knows slot 2, Release, which {@link #release()} calls exactly once through a
 * {@link CallGate} once no call is in flight.
 */
final class ComObject {

    /** IUnknown::Release, the same slot in every interface. */
    static final int RELEASE = 2;

    private final Pointer self;
    private final Pointer vtbl;
    // One Function per slot, made on first use. The vtable pointer is read once, so this is the
    // cache "per vtable pointer"; kept per object, so it can never outlive the code it points at.
    // Atomic so that a Function made on one thread is safely published to the others.
    private final AtomicReferenceArray<Function> functions;
    private final CallGate gate;
    private final Set<ComObject> outstanding;

    /**
     * Takes over one reference on a native object.
     *
     * @param self the interface pointer, not NULL
     * @param slotCount the number of slots of its interface
     * @param outstanding the provider's set of native objects not yet released (see
     *     {@link NativeProvider}); this object stays in it until its native Release
     */
    ComObject(Pointer self, int slotCount, Set<ComObject> outstanding) {
        this.self = self;
        this.vtbl = self.getPointer(0);
        this.functions = new AtomicReferenceArray<>(slotCount);
        this.outstanding = outstanding;
        this.gate = new CallGate(this::releaseNow);
        outstanding.add(this);
    }

    /** @return the interface pointer, to pass to other native calls while entered */
    Pointer pointer() {
        return self;
    }

    /** @return whether a native call may be made now; if so, call {@link #exit()} after it */
    boolean enter() {
        return gate.enter();
    }

    /** Ends a native call begun with {@link #enter()}. */
    void exit() {
        gate.exit();
    }

    /**
     * Calls a slot that returns an HRESULT (or a ULONG). Only between {@link #enter()} and
     * {@link #exit()}.
     *
     * @param slot the slot index
     * @param args the arguments after {@code this}
     * @return the 32-bit result
     */
    int call(int slot, Object... args) {
        Object[] withThis = new Object[args.length + 1];
        withThis[0] = self;
        System.arraycopy(args, 0, withThis, 1, args.length);
        return function(slot).invokeInt(withThis);
    }

    /** Gives up this provider's reference: native Release runs once, when no call is in flight. */
    void release() {
        gate.close();
    }

    /** @return whether the native Release has run */
    boolean isReleased() {
        return gate.isReleased();
    }

    private Function function(int slot) {
        Function f = functions.get(slot);
        if (f == null) {
            f = Function.getFunction(vtbl.getPointer((long) slot * Abi.POINTER_SIZE), Abi.CALL_CONVENTION);
            functions.set(slot, f);
        }
        return f;
    }

    private void releaseNow() {
        outstanding.remove(this);
        function(RELEASE).invokeInt(new Object[] {self});
    }

    @Override
    public String toString() {
        return "ComObject[" + self + "]";
    }
}

package org.mapi4j.provider.native_;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One native COM object this provider holds exactly one reference on, and the mechanics of calling
 * it (spec A.2, B-COMLAYOUT): {@code self} points at the object, whose first field is the vtable;
 * slot {@code k} is at {@code k * POINTER_SIZE} (ABI-1) and is called with {@code self} first.
 *
 * <p>The per-interface classes ({@link NativeSession}, {@link NativeTable}, ...) name the slots;
 * this class only knows slot 2, Release, which {@link #release()} calls exactly once through the
 * {@link CallGate} it is, once no call is in flight.
 */
final class ComObject extends CallGate {

    /** IUnknown::Release, the same slot in every interface. */
    static final int RELEASE = 2;

    private final Pointer self;
    // The vtable's address, read once; a Pointer to it is made only to build a slot's Function.
    private final long vtbl;
    // One Function per slot, made on first use and shared by every object with this vtable (see
    // VtableCache). Atomic so that a Function made on one thread is safely published to the others.
    private final AtomicReferenceArray<Function> functions;
    private final Outstanding outstanding;
    // The provider's instance generation it was made in: the last MAPIUninitialize of that
    // generation gives it up (AbstractMapiProvider).
    final long generation;
    // The provider's list of objects not yet released (Outstanding), guarded by that list's monitor.
    ComObject outstandingPrev;
    ComObject outstandingNext;
    boolean outstandingLinked;

    /**
     * Takes over one reference on a native object.
     *
     * @param self the interface pointer, not NULL
     * @param slotCount the number of slots of its interface
     * @param outstanding the provider's list of native objects not yet released (see
     *     {@link NativeProvider}); this object stays in it until its native Release
     * @param vtables the provider's slot Functions by vtable
     * @param generation the provider's instance generation
     */
    ComObject(Pointer self, int slotCount, Outstanding outstanding, VtableCache vtables, long generation) {
        this.self = self;
        this.generation = generation;
        this.vtbl = Abi.POINTER_SIZE == 8 ? self.getLong(0) : self.getInt(0) & 0xFFFFFFFFL;
        this.functions = vtables.slots(vtbl, slotCount);
        this.outstanding = outstanding;
        outstanding.add(this);
    }

    /**
     * Takes over one reference on a native object for a provider, in its current generation.
     *
     * @param provider the provider
     * @param self the interface pointer, not NULL
     * @param slotCount the number of slots of its interface
     * @return the object, tracked by the provider until its native Release
     */
    static ComObject adopt(NativeProvider provider, Pointer self, int slotCount) {
        return new ComObject(self, slotCount, provider.outstanding(), provider.vtables(), provider.currentGeneration());
    }

    /** @return the interface pointer, to pass to other native calls while entered */
    Pointer pointer() {
        return self;
    }

    // The calls below take their arguments after `this` and return the slot's 32-bit result (an
    // HRESULT or a ULONG); only between enter() and exit(). The fixed arities build the argument
    // array once, with `this` in place: JNA copies it again, so a varargs array copied into a second
    // one would be two allocations per call. Java picks them over the varargs form.

    int call(int slot) {
        return invoke(slot, new Object[] {self});
    }

    int call(int slot, Object a) {
        return invoke(slot, new Object[] {self, a});
    }

    int call(int slot, Object a, Object b) {
        return invoke(slot, new Object[] {self, a, b});
    }

    int call(int slot, Object a, Object b, Object c) {
        return invoke(slot, new Object[] {self, a, b, c});
    }

    int call(int slot, Object a, Object b, Object c, Object d) {
        return invoke(slot, new Object[] {self, a, b, c, d});
    }

    int call(int slot, Object a, Object b, Object c, Object d, Object e) {
        return invoke(slot, new Object[] {self, a, b, c, d, e});
    }

    int call(int slot, Object a, Object b, Object c, Object d, Object e, Object f) {
        return invoke(slot, new Object[] {self, a, b, c, d, e, f});
    }

    /**
     * Calls a slot with any number of arguments.
     *
     * @param slot the slot index
     * @param args the arguments after {@code this}
     * @return the 32-bit result
     */
    int call(int slot, Object... args) {
        Object[] withThis = new Object[args.length + 1];
        withThis[0] = self;
        System.arraycopy(args, 0, withThis, 1, args.length);
        return invoke(slot, withThis);
    }

    /**
     * Calls a slot whose arguments after {@code this} are {@code before}, then {@code last}.
     *
     * @return the 32-bit result
     */
    int callThenOut(int slot, Object[] before, Object last) {
        Object[] args = new Object[before.length + 2];
        args[0] = self;
        System.arraycopy(before, 0, args, 1, before.length);
        args[before.length + 1] = last;
        return invoke(slot, args);
    }

    /** Gives up this provider's reference: native Release runs once, when no call is in flight. */
    void release() {
        close();
    }

    private int invoke(int slot, Object[] withThis) {
        return function(slot).invokeInt(withThis);
    }

    private Function function(int slot) {
        Function f = functions.get(slot);
        if (f == null) {
            // Two threads may both make it; either Function is the same slot, so the race is harmless.
            f = Function.getFunction(new Pointer(vtbl).getPointer((long) slot * Abi.POINTER_SIZE), Abi.CALL_CONVENTION);
            functions.set(slot, f);
        }
        return f;
    }

    /**
     * Leaves a call (see {@link CallGate#exit()}); then runs the native part of a last
     * MAPIUninitialize that was called from inside a callback of this call ({@link DeferredUninitialize}).
     */
    @Override
    void exit() {
        super.exit();
        DeferredUninitialize.runIfDue();
    }

    @Override
    void released() {
        outstanding.remove(this);
        invoke(RELEASE, new Object[] {self});
    }

    @Override
    public String toString() {
        return "ComObject[" + self + "]";
    }
}

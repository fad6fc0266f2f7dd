package org.mapi4j.provider.native_;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One native COM object this provider holds exactly one reference on, and the mechanics of calling
 * it (spec A.2, B-COMLAYOUT): {@code self} points at the object, whose first field is the vtable;
 * slot {@code k} is at {@code k * POINTER_SIZE} (ABI-1) and is called with {@code self} first.
 *
 * <p>The per-interface classes ({@link NativeSession}, {@link NativeTable}, ...) name the slots and
 * their {@link Binding.Shape}s; this class only knows slot 2, Release, which {@link #release()}
 * calls exactly once through the {@link CallGate} it is, once no call is in flight.
 */
final class ComObject extends CallGate {

    /** IUnknown::Release, the same slot in every interface. */
    static final int RELEASE = 2;
    /** {@code ULONG Release(this)}, and every other slot that takes only {@code this}. */
    static final Binding.Shape THIS_ONLY = Binding.Shape.of("I:P");

    private static final Binding B = Abi.B;

    private final long self;
    // The vtable's address, read once.
    private final long vtbl;
    // One function handle per slot, made on first use and shared by every object with this vtable
    // (see VtableCache). Atomic so that a handle made on one thread is safely published to the others.
    private final AtomicReferenceArray<Object> functions;
    private final Outstanding outstanding;
    // The provider's instance generation it was made in: the last MAPIUninitialize of that
    // generation gives it up (AbstractMapiProvider).
    final long generation;
    // The next object in the provider's list of objects not yet released (Outstanding): written before
    // this one is published there, then only by that list's sweeps under its monitor.
    ComObject outstandingNext;

    /**
     * Takes over one reference on a native object.
     *
     * @param self the interface pointer, not 0
     * @param slotCount the number of slots of its interface
     * @param outstanding the provider's list of native objects not yet released (see
     *     {@link NativeProvider}); this object stays in it until its native Release
     * @param vtables the provider's slot handles by vtable
     * @param generation the provider's instance generation
     */
    ComObject(long self, int slotCount, Outstanding outstanding, VtableCache vtables, long generation) {
        this.self = self;
        this.generation = generation;
        this.vtbl = B.getAddress(self);
        this.functions = vtables.slots(vtbl, slotCount);
        this.outstanding = outstanding;
        outstanding.add(this);
    }

    /**
     * Takes over one reference on a native object for a provider, in its current generation.
     *
     * @param provider the provider
     * @param self the interface pointer, not 0
     * @param slotCount the number of slots of its interface
     * @return the object, tracked by the provider until its native Release
     */
    static ComObject adopt(NativeProvider provider, long self, int slotCount) {
        return new ComObject(self, slotCount, provider.outstanding(), provider.vtables(), provider.currentGeneration());
    }

    /** @return the interface pointer, to pass to other native calls while entered */
    long pointer() {
        return self;
    }

    // The calls below take the slot's shape (its signature with `this` first) and the arguments after
    // `this`, and return the slot's 32-bit result (an HRESULT or a ULONG); only between enter() and exit().

    int call(Binding.Shape shape, int slot) {
        return B.call(shape, function(slot), self);
    }

    int call(Binding.Shape shape, int slot, long a) {
        return B.call(shape, function(slot), self, a);
    }

    int call(Binding.Shape shape, int slot, long a, long b) {
        return B.call(shape, function(slot), self, a, b);
    }

    int call(Binding.Shape shape, int slot, long a, long b, long c) {
        return B.call(shape, function(slot), self, a, b, c);
    }

    int call(Binding.Shape shape, int slot, long a, long b, long c, long d) {
        return B.call(shape, function(slot), self, a, b, c, d);
    }

    int call(Binding.Shape shape, int slot, long a, long b, long c, long d, long e) {
        return B.call(shape, function(slot), self, a, b, c, d, e);
    }

    int call(Binding.Shape shape, int slot, long a, long b, long c, long d, long e, long f) {
        return B.call(shape, function(slot), self, a, b, c, d, e, f);
    }

    int call(Binding.Shape shape, int slot, long a, long b, long c, long d, long e, long f, long g, long h,
            long i, long j, long k) {
        return B.call(shape, function(slot), self, a, b, c, d, e, f, g, h, i, j, k);
    }

    /** Gives up this provider's reference: native Release runs once, when no call is in flight. */
    void release() {
        close();
    }

    private Object function(int slot) {
        Object f = functions.get(slot);
        if (f == null) {
            // Two threads may both make it; either handle is the same slot, so the race is harmless.
            f = B.function(B.getAddress(vtbl + (long) slot * Abi.POINTER_SIZE));
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
        outstanding.releaseStarted();
        call(THIS_ONLY, RELEASE);
    }

    @Override
    public String toString() {
        return "ComObject[0x" + Long.toHexString(self) + "]";
    }
}

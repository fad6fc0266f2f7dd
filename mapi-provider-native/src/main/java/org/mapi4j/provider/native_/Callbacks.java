package org.mapi4j.provider.native_;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.win32.StdCallLibrary;
import java.lang.reflect.Method;

/**
 * The signatures of the native functions Java implements (the advise sink's vtable, ABI-6, and
 * the reference library's logoff confirmation hook), in both calling conventions: JNA picks stdcall
 * for a callback object that implements {@link StdCallLibrary.StdCallCallback}, which only 32-bit
 * Windows wants (ABI-2). Each stdcall variant redeclares {@code invoke} so JNA finds it. The
 * JNA side of {@link Binding.Upcall}: the bodies are the binding-neutral static methods.
 *
 * <p>Every callback object is made once, held in a static field (so it is never collected while
 * native code may call it) and passed through {@link #functionPointer} (so its thread initializer
 * is registered before its function pointer exists).
 */
final class Callbacks {

    private Callbacks() {
    }

    /** {@code HRESULT QueryInterface(this, REFIID, void **)}. */
    public interface QueryInterface extends Callback {
        /** @return an HRESULT */
        int invoke(Pointer self, Pointer riid, Pointer ppv);
    }

    /** {@code ULONG AddRef(this)} and {@code ULONG Release(this)}. */
    public interface RefCount extends Callback {
        /** @return the new count */
        int invoke(Pointer self);
    }

    /** {@code ULONG OnNotify(this, ULONG cNotif, LPNOTIFICATION)}. */
    public interface OnNotify extends Callback {
        /** @return ignored by MAPI (NOTIFY-8) */
        int invoke(Pointer self, int cNotif, Pointer notifications);
    }

    /** {@code HRESULT (*MAPI4J_LOGOFF_CONFIRM)(ULONG_PTR ulUIParam, void *context)}. */
    public interface LogoffConfirm extends Callback {
        /** @return S_OK, MAPI_E_USER_CANCEL or a failure */
        int invoke(Pointer uiParam, Pointer context);
    }

    /** stdcall {@link QueryInterface}. */
    public interface StdCallQueryInterface extends QueryInterface, StdCallLibrary.StdCallCallback {
        @Override
        int invoke(Pointer self, Pointer riid, Pointer ppv);
    }

    /** stdcall {@link RefCount}. */
    public interface StdCallRefCount extends RefCount, StdCallLibrary.StdCallCallback {
        @Override
        int invoke(Pointer self);
    }

    /** stdcall {@link OnNotify}. */
    public interface StdCallOnNotify extends OnNotify, StdCallLibrary.StdCallCallback {
        @Override
        int invoke(Pointer self, int cNotif, Pointer notifications);
    }

    /** stdcall {@link LogoffConfirm}. */
    public interface StdCallLogoffConfirm extends LogoffConfirm, StdCallLibrary.StdCallCallback {
        @Override
        int invoke(Pointer uiParam, Pointer context);
    }

    private static final boolean STDCALL = JnaBinding.CALL_CONVENTION != com.sun.jna.Function.C_CONVENTION;

    // The callback objects, made once and held here for the life of the class: native code may call
    // them at any time. Each converts its Pointers to addresses and calls the binding-neutral target.
    private static final QueryInterface QUERY_INTERFACE = STDCALL
            ? (StdCallQueryInterface) Callbacks::queryInterface : Callbacks::queryInterface;
    private static final RefCount ADD_REF = STDCALL ? (StdCallRefCount) Callbacks::addRef : Callbacks::addRef;
    private static final RefCount RELEASE = STDCALL ? (StdCallRefCount) Callbacks::release : Callbacks::release;
    private static final OnNotify ON_NOTIFY = STDCALL ? (StdCallOnNotify) Callbacks::onNotify : Callbacks::onNotify;
    private static final LogoffConfirm LOGOFF_CONFIRM = STDCALL
            ? (StdCallLogoffConfirm) Callbacks::confirm : Callbacks::confirm;

    private static int queryInterface(Pointer self, Pointer riid, Pointer ppv) {
        return NativeAdviseSink.queryInterface(Pointer.nativeValue(self), Pointer.nativeValue(riid),
                Pointer.nativeValue(ppv));
    }

    private static int addRef(Pointer self) {
        return NativeAdviseSink.addRef(Pointer.nativeValue(self));
    }

    private static int release(Pointer self) {
        return NativeAdviseSink.release(Pointer.nativeValue(self));
    }

    private static int onNotify(Pointer self, int count, Pointer notifications) {
        return NativeAdviseSink.onNotify(Pointer.nativeValue(self), count, Pointer.nativeValue(notifications));
    }

    private static int confirm(Pointer uiParam, Pointer context) {
        return LogoffConfirmationBridge.confirm(Pointer.nativeValue(uiParam), Pointer.nativeValue(context));
    }

    /**
     * @param upcall an upcall
     * @return its callback object, held for the life of this class
     */
    static Callback of(Binding.Upcall upcall) {
        switch (upcall) {
            case SINK_QUERY_INTERFACE:
                return QUERY_INTERFACE;
            case SINK_ADD_REF:
                return ADD_REF;
            case SINK_RELEASE:
                return RELEASE;
            case SINK_ON_NOTIFY:
                return ON_NOTIFY;
            case LOGOFF_CONFIRM:
                return LOGOFF_CONFIRM;
            default:
                throw new IllegalArgumentException(upcall.toString());
        }
    }

    /**
     * Registers the thread initializer, then makes the function pointer. Order matters: JNA reads the
     * initializer when the native trampoline is made. A daemon thread that stays attached costs about
     * 1 µs per callback from a native thread instead of 30-50 µs for attaching a fresh one, and never
     * keeps the JVM alive.
     *
     * @param callback the callback, held strongly by the caller for as long as native code may call it
     * @param name the name of native threads that call it
     * @return the function pointer
     */
    static Pointer functionPointer(Callback callback, String name) {
        Native.setCallbackThreadInitializer(callback, new CallbackThreadInitializer(true, false, name));
        if (DIRECT != null) {
            try {
                return (Pointer) DIRECT.invoke(null, callback, true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to the ordinary, reflective dispatch
            }
        }
        return CallbackReference.getFunctionPointer(callback);
    }

    /*
     * JNA's direct callback dispatch: native code calls the interface method through JNI with the
     * arguments as they are (a Pointer object per pointer, an int as an int) and reads an int back.
     * The ordinary dispatch boxes every argument into an Object[], converts each one again in Java
     * and calls the method reflectively, the larger part of each upcall's cost (an advise
     * sink's OnNotify and Release during a shared logoff). JNA makes direct callbacks for
     * direct-mapped methods only, through a private overload; where that cannot be reached (JNA as
     * a named module that does not open its package, a JNA without it) the ordinary dispatch is
     * used, which behaves the same. Every signature here is Pointer and int arguments and an int
     * result, with no TypeMapper, which the direct dispatch supports on every platform.
     */
    private static final Method DIRECT = directFunctionPointer();

    private static Method directFunctionPointer() {
        try {
            Method m = CallbackReference.class.getDeclaredMethod("getFunctionPointer", Callback.class, boolean.class);
            m.setAccessible(true);
            return m.getReturnType() == Pointer.class ? m : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** @return whether callbacks use JNA's direct dispatch (tests) */
    static boolean direct() {
        return DIRECT != null;
    }
}

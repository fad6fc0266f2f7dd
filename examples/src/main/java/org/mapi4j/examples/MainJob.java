package org.mapi4j.examples;

import java.io.PrintStream;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.spi.HResult;
import org.mapi4j.Mapi;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropTags;
import org.mapi4j.spi.PropValue;

/**
 * The main job: the whole MAPI session lifecycle, step by step, on the provider that
 * {@link Mapi#provider()} selects (the embedded in-memory one, or {@code -Dmapi4j.provider=NAME}),
 * printing every call with the HRESULT name it returned. It speaks the COM-faithful SPI on purpose,
 * so that every HRESULT is visible; {@link QuickStart} shows the same with the idiomatic API.
 *
 * <p>Steps: MAPIInitialize, MAPILogonEx (default profile), QueryIdentity, the message-stores table,
 * Advise for critical errors, Logoff with MAPI_LOGOFF_UI answered by a confirmation, Release,
 * MAPIUninitialize. Exits with status 1 if a step fails.
 */
public final class MainJob {

    /** The parent-window handle the job passes to Logoff, to show that it reaches the confirmation. */
    static final long PARENT_WINDOW = 0x1234L;

    private final PrintStream out;
    private boolean failed;

    MainJob(PrintStream out) {
        this.out = out;
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        if (!new MainJob(System.out).run(Mapi.provider())) {
            System.exit(1);
        }
    }

    /**
     * Runs every step on a provider.
     *
     * @param provider a fresh provider instance
     * @return whether every step returned what it should
     */
    boolean run(MapiProvider provider) {
        out.println("mapi4j main job on provider '" + provider.name() + "' (" + provider.availability().reason() + ")");
        AtomicInteger confirmations = new AtomicInteger();
        provider.setLogoffConfirmation(parentWindow -> {
            confirmations.incrementAndGet();
            out.println("  confirmation asked for parent window " + HResult.hex((int) parentWindow) + ": yes");
            return true;
        });
        if (!step("MAPIInitialize(NULL)", provider.initialize(null))) {
            return false;
        }
        try {
            Out<MapiSessionHandle> handle = new Out<>();
            int flags = MapiConstants.MAPI_USE_DEFAULT | MapiConstants.MAPI_NEW_SESSION | MapiConstants.MAPI_EXTENDED;
            if (!step("MAPILogonEx(default profile)", provider.logon(0, null, null, flags, handle))) {
                return false;
            }
            useSession(handle.get(), confirmations);
            out.println("Release -> reference count " + handle.get().release());
        } finally {
            provider.uninitialize();
            out.println("MAPIUninitialize -> done");
        }
        out.println(failed ? "main job FAILED" : "main job OK");
        return !failed;
    }

    private void useSession(MapiSessionHandle session, AtomicInteger confirmations) {
        Out<byte[]> identity = new Out<>();
        if (step("QueryIdentity", session.queryIdentity(identity))) {
            out.println("  identity " + HexFormat.of().formatHex(identity.get()));
        }
        Out<MapiTable> table = new Out<>();
        if (step("GetMsgStoresTable", session.getMsgStoresTable(0, table))) {
            Out<List<List<PropValue>>> rows = new Out<>();
            if (step("QueryRows", table.get().queryRows(100, 0, rows))) {
                for (List<PropValue> row : rows.get()) {
                    out.println("  store " + value(row, PropTags.PR_DISPLAY_NAME)
                            + (Boolean.TRUE.equals(value(row, PropTags.PR_DEFAULT_STORE)) ? " (default)" : ""));
                }
            }
            table.get().release();
        }
        AdviseSink sink = notifications -> {
            out.println("  notified: " + notifications);
            return HResult.S_OK;
        };
        LongOut connection = new LongOut();
        if (step("Advise(NULL, fnevCriticalError)", session.advise(null, MapiConstants.FNEV_CRITICAL_ERROR, sink, connection))) {
            out.println("  connection " + connection.get());
        }
        step("Logoff(parent window " + HResult.hex((int) PARENT_WINDOW) + ", MAPI_LOGOFF_UI, 0)",
                session.logoff(PARENT_WINDOW, MapiConstants.MAPI_LOGOFF_UI, 0));
        if (confirmations.get() != 1) {
            out.println("  the confirmation was asked " + confirmations.get() + " times, expected once");
            failed = true;
        }
    }

    private static Object value(List<PropValue> row, int tag) {
        return row.stream().filter(p -> p.tag() == tag).map(PropValue::value).findFirst().orElse(null);
    }

    private boolean step(String call, int hr) {
        out.println(call + " -> " + HResult.describe(hr));
        if (hr != HResult.S_OK) {
            failed = true;
            return false;
        }
        return true;
    }
}

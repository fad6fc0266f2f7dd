package org.mapi4j.examples;

import java.io.PrintStream;
import org.mapi4j.spi.HResult;
import org.mapi4j.Mapi;
import org.mapi4j.MapiSession;
import org.mapi4j.MapiSubsystem;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.Out;

/**
 * Fast shutdown through IMAPIClientShutdown (spec A.11, FAST-1 to FAST-5), in the order MFCMAPI
 * uses: QueryInterface, QueryFastShutdown, NotifyProcessShutdown, DoFastShutdown only if the query
 * succeeded, Release. Afterwards the program makes no further MAPI call, not even MAPIUninitialize:
 * that is the documented contract of fast shutdown.
 * Run it with {@code mvn -q -pl examples exec:java -Dexample=FastShutdownExample}.
 */
public final class FastShutdownExample {

    private FastShutdownExample() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * @param out where the steps are printed
     * @return the HRESULT of DoFastShutdown, or of the step that stopped it
     */
    static int run(PrintStream out) {
        MapiSubsystem mapi = Mapi.initialize();
        MapiSession session = mapi.logon();
        Out<Object> shutdownOut = new Out<>();
        int hr = session.handle().queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, shutdownOut);
        out.println("QueryInterface(IID_IMAPIClientShutdown) -> " + HResult.describe(hr));
        if (hr != HResult.S_OK) {
            session.close();
            mapi.close();
            return hr;
        }
        ClientShutdown shutdown = (ClientShutdown) shutdownOut.get();
        int query = shutdown.queryFastShutdown();
        out.println("QueryFastShutdown -> " + HResult.describe(query));
        out.println("NotifyProcessShutdown -> " + HResult.describe(shutdown.notifyProcessShutdown()));
        int result = query;
        if (query == HResult.S_OK) {
            result = shutdown.doFastShutdown();
            out.println("DoFastShutdown -> " + HResult.describe(result));
        }
        shutdown.release();
        if (result == HResult.S_OK) {
            out.println("session still logged on: " + session.isLoggedOn() + "; exiting without MAPIUninitialize");
        } else {
            session.close();
            mapi.close();
        }
        return result;
    }
}

package org.mapi4j.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.LogoffFlag;
import org.mapi4j.MapiException;
import org.mapi4j.MapiSession;
import org.mapi4j.MapiSubsystem;

/**
 * The logoff confirmation (spec decision 3): MAPI_LOGOFF_UI asks a console prompt that answers from
 * standard input. Declining keeps the session (MAPI_E_USER_CANCEL, LOGOFF-UI-2); the parent-window
 * handle passed to Logoff reaches the prompt unchanged. The program asks until the answer is yes.
 * Run it with {@code mvn -q -pl examples exec:java -Dexample=LogoffConfirmationExample}.
 */
public final class LogoffConfirmationExample {

    /** The parent window this example passes to Logoff. */
    static final long PARENT_WINDOW = 0xC0FFEEL;

    private LogoffConfirmationExample() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.in, System.out);
    }

    /**
     * @param in the answers, one per line
     * @param out the prompts and results
     * @return how many times the user was asked
     */
    static int run(InputStream in, PrintStream out) {
        BufferedReader answers = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int[] asked = {0};
        LogoffConfirmation prompt = parentWindow -> {
            asked[0]++;
            out.print("Log off? (parent window 0x" + Long.toHexString(parentWindow) + ") [y/N] ");
            out.flush();
            String answer = readLine(answers);
            out.println();
            return answer != null && answer.trim().equalsIgnoreCase("y");
        };
        try (MapiSubsystem mapi = MapiSubsystem.builder().logoffConfirmation(prompt).initialize();
             MapiSession session = mapi.logon()) {
            for (;;) {
                try {
                    session.logoff(PARENT_WINDOW, LogoffFlag.UI);
                    out.println("logged off");
                    break;
                } catch (MapiException e) {
                    if (e.code() != HResult.MAPI_E_USER_CANCEL) {
                        throw e;
                    }
                    out.println("declined: " + e.hresult() + "; still logged on: " + session.isLoggedOn());
                }
            }
        }
        return asked[0];
    }

    private static String readLine(BufferedReader reader) {
        try {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalStateException("standard input ended before the answer was yes");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

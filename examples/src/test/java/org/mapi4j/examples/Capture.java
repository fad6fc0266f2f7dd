package org.mapi4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Runs an example against a PrintStream and returns what it printed, line by line. */
final class Capture {

    private Capture() {
    }

    static List<String> lines(Consumer<PrintStream> example) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        example.accept(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

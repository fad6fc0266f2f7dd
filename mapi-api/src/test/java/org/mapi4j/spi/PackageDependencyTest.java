package org.mapi4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The layering of {@code mapi-api}: the SPI ({@code org.mapi4j.spi} and its skeleton
 * {@code org.mapi4j.spi.support}) depends on nothing of the application API {@code org.mapi4j},
 * so the two packages form no cycle.
 */
class PackageDependencyTest {

    // A use of a type of org.mapi4j itself or of org.mapi4j.internal.
    private static final Pattern API_TYPE = Pattern.compile("org\\.mapi4j\\.(?:[A-Z]\\w*|internal\\.)");
    // Comments, which may name API types in prose ({@code ...}) without depending on them.
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    @DisplayName("the code of org.mapi4j.spi and org.mapi4j.spi.support uses no type of org.mapi4j or org.mapi4j.internal")
    void spiDoesNotDependOnTheApi() throws IOException {
        Path spi = Path.of("src/main/java/org/mapi4j/spi");
        assertTrue(Files.isDirectory(spi), "run from the mapi-api module: " + spi.toAbsolutePath());
        List<String> offenders;
        try (Stream<Path> files = Files.walk(spi)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(PackageDependencyTest::mentionsApiType)
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean mentionsApiType(Path file) {
        try {
            String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
            return API_TYPE.matcher(code).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

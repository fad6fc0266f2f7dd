/**
 * The mapi4j TCK: the rule catalogue ({@link org.mapi4j.tck.Rule}), the abstract test class provider
 * authors extend ({@link org.mapi4j.tck.MapiProviderTck}), the programmatic runner
 * ({@code org.mapi4j.tck.run}) and the command-line runner ({@code org.mapi4j.tck.cli}). Only these
 * are exported.
 *
 * <p>The rule tests ({@code org.mapi4j.tck.rules}) reach a provider author only as the inherited
 * tests of {@code MapiProviderTck}; they, the fixture they run in ({@code org.mapi4j.tck.fixture}),
 * and the JUnit extensions, watchdog and exception translation ({@code org.mapi4j.tck.internal}) are
 * the TCK's own, and none of them is exported. The packages with tests or extensions are opened to the
 * JUnit Platform, which finds and calls the tests reflectively. The project's own build runs the TCK
 * on the class path (the parent's surefire configuration); the module descriptor is for users on the
 * module path.
 */
module org.mapi4j.tck {
    requires transitive org.mapi4j;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.platform.launcher;
    requires org.junit.platform.reporting;
    requires org.slf4j;
    requires java.management;

    exports org.mapi4j.tck;
    exports org.mapi4j.tck.run;
    exports org.mapi4j.tck.cli;

    opens org.mapi4j.tck to org.junit.platform.commons;
    opens org.mapi4j.tck.rules to org.junit.platform.commons;
    opens org.mapi4j.tck.cli to org.junit.platform.commons;
    opens org.mapi4j.tck.internal to org.junit.platform.commons;

    uses org.mapi4j.spi.MapiProvider;
}

package org.mapi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.inject.Injector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapi4j.MapiSession;

class GuiceExampleTest {

    @Test
    void injectedSessionListsTheStoresAndIsClosedWithTheResources() {
        Injector[] injector = new Injector[1];
        List<String> lines = Capture.lines(out -> injector[0] = GuiceExample.run(out));

        assertEquals(List.of("store: Personal Folders", "closed: true"), lines);
        assertFalse(injector[0].getInstance(MapiSession.class).isLoggedOn());
    }
}

package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Four eyes: the same person may not submit and decide, whichever door they use. */
class ExtensionReviewsTest {

    @Test
    void aReviewerIsTheSamePersonOverRestAndInTheShell() {
        assertEquals("alice", ExtensionReviews.person("alice"));
        assertEquals("alice", ExtensionReviews.person("karaf-shell:alice"));
        assertNull(ExtensionReviews.person("karaf-shell"), "a shell user nobody knows decides nothing");
    }
}

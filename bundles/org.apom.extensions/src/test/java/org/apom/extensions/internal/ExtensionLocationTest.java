package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The two places an extension runs at: its own, and beside the version that serves during a swap. */
class ExtensionLocationTest {

    @Test
    void bothFormsNameTheSameProvinceAndExtension() {
        ExtensionLocation first = ExtensionLocation.parse(ExtensionLocation.of("50", "org.apom.ext.p50.chiangmai"));
        ExtensionLocation beside = ExtensionLocation.parse(
                ExtensionLocation.beside("50", "org.apom.ext.p50.chiangmai", "3f2a9c1e00aa11bb"));
        assertEquals(new ExtensionLocation("50", "org.apom.ext.p50.chiangmai"), first);
        assertEquals(first, beside);
        assertEquals(new ExtensionLocation("*", "org.apom.ext.all"), ExtensionLocation.parse("apom-extension:*/org.apom.ext.all"));
    }

    @Test
    void anythingElseIsNoExtensionLocation() {
        assertNull(ExtensionLocation.parse("apom-extension:org.apom.ext.p50.chiangmai"), "an older platform's: no province");
        assertNull(ExtensionLocation.parse("apom-extension:50//x"));
        assertNull(ExtensionLocation.parse("apom-extension:50/a/b/x"));
        assertNull(ExtensionLocation.parse("mvn:org.apom/org.apom.rest/0.1.0"));
    }
}

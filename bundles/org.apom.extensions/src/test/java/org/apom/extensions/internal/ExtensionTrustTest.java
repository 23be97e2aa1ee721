package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apom.core.api.problem.ProblemException;
import org.apom.extensions.internal.ExtensionTrust.Basis;
import org.junit.jupiter.api.Test;

/** Only reviewed code runs: approved by digest, or signed by a trusted key, or anything in development mode. */
class ExtensionTrustTest {

    @Test
    void withoutReviewOrDevelopmentModeNothingRuns() throws Exception {
        ExtensionJar jar = jar();
        ExtensionTrust production = new ExtensionTrust(false, JarSignatures.off());
        assertEquals("not-reviewed", assertThrows(ProblemException.class, () -> production.require(jar, false)).code());
        assertEquals(Basis.REVIEWED, production.require(jar, true));
    }

    @Test
    void developmentModeLetsAnyJarThatPassesTheRulesIn() throws Exception {
        ExtensionTrust development = new ExtensionTrust(true, JarSignatures.off());
        assertEquals(Basis.DEVELOPMENT, development.require(jar(), false));
        assertEquals(Basis.REVIEWED, development.require(jar(), true), "an approved jar says so even then");
    }

    @Test
    void aTrustStoreThatCannotBeReadLetsOnlyApprovedJarsIn() throws Exception {
        ExtensionTrust broken = new ExtensionTrust(false, JarSignatures.from("/nowhere/trust.p12", "x"));
        ProblemException e = assertThrows(ProblemException.class, () -> broken.require(jar(), false));
        assertEquals("extension-rules", e.code());
        assertEquals("trust-store-unusable", e.errors().get(0).code());
        assertEquals(Basis.REVIEWED, broken.require(jar(), true));
    }

    private static ExtensionJar jar() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", "org.apom.ext.p50.trusted");
        headers.put("Bundle-Version", "1.0.0");
        headers.put("Apom-Province", "50");
        return new JarRules(1024 * 1024, 1024 * 1024).check(JarRulesTest.jar(headers));
    }
}

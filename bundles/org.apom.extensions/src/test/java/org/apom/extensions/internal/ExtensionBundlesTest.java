package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apom.core.api.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

/** What a province admin learns when their extension cannot start: what they can act on, not the wiring. */
class ExtensionBundlesTest {

    @Test
    void aMissingImportIsNamedAndThePlatformsWiringIsNot() {
        ProblemException e = ExtensionBundles.cannotStart("org.apom.ext.p50.x", new BundleException(
                "Unable to resolve org.apom.ext.p50.x [212](R 212.0): missing requirement [org.apom.ext.p50.x [212]"
                        + "(R 212.0)] osgi.wiring.package; (&(osgi.wiring.package=org.apom.registry.api)(version>=9.0.0))"
                        + " Unresolved requirements: [[org.apom.ext.p50.x [212](R 212.0)] osgi.wiring.package]",
                BundleException.RESOLVE_ERROR));
        assertEquals("cannot-start", e.code());
        assertTrue(e.detail().en().contains("org.apom.registry.api"), e.detail().en());
        assertFalse(e.detail().en().contains("R 212") || e.detail().en().contains("Unresolved"), e.detail().en());
    }

    @Test
    void anyOtherReasonStaysInTheLog() {
        ProblemException e = ExtensionBundles.cannotStart("org.apom.ext.p50.x", new BundleException(
                "/opt/apom/data/cache/bundle212/version0.0/bundle.jar: something internal", BundleException.READ_ERROR));
        assertFalse(e.detail().en().contains("/opt/apom"), e.detail().en());
    }
}

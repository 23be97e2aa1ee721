package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class JarRulesTest {

    private final JarRules rules = new JarRules(64 * 1024, 1024 * 1024);

    @Test
    void aWellBehavedExtensionPasses() throws IOException {
        ExtensionJar jar = rules.check(jar(good()));
        assertEquals("org.apom.ext.p50.checks", jar.symbolicName());
        assertEquals(new Version(1, 1, 0), jar.version());
        assertEquals("50", jar.province());
        assertFalse(jar.ministryWide());
        Map<String, String> everywhere = good();
        everywhere.put("Apom-Province", "*");
        assertTrue(rules.check(jar(everywhere)).ministryWide());
    }

    @Test
    void everyBrokenRuleIsReportedWithItsHeader() throws IOException {
        Map<String, String> m = good();
        m.remove("Apom-Province");
        m.put("Export-Package", "org.apom.ext.p50.checks");
        m.put("DynamicImport-Package", "*");
        m.put("Require-Bundle", "org.apom.registry");
        m.put("Fragment-Host", "org.apom.registry");
        m.put("Import-Package", "org.apom.registry.api;version=\"[1.0,2)\",org.apom.registry.internal,"
                + "org.apache.openjpa.persistence,javax.ws.rs.core,java.sql");
        ProblemException e = assertThrows(ProblemException.class, () -> rules.check(jar(m)));
        assertEquals(422, e.status());
        assertEquals("extension-rules", e.code());
        assertEquals(List.of("Apom-Province required", "Export-Package forbidden-header",
                "DynamicImport-Package forbidden-header", "Fragment-Host forbidden-header",
                "Require-Bundle forbidden-header", "Import-Package forbidden-import", "Import-Package forbidden-import"),
                e.errors().stream().map(f -> f.field() + " " + f.code()).toList());
        assertTrue(e.errors().stream().map(FieldError::message).anyMatch(t -> t.en().contains("registry.internal")));
    }

    @Test
    void onlyTheApisOsgiServicesJaxRsAnnotationsAndTheJdkMayBeImported() {
        for (String ok : List.of("org.apom.registry.api", "org.apom.extensions.api", "org.apom.core.api.problem",
                "org.osgi.service.component.annotations", "javax.ws.rs", "javax.ws.rs.core", "javax.annotation",
                "java.util", "javax.sql", "javax.xml.parsers")) {
            assertTrue(JarRules.importable(ok), ok);
        }
        for (String refused : List.of("org.apom.registry.internal", "org.apom.apiary", "org.osgi.framework",
                "org.apache.felix.scr", "javax.ws.rsx", "com.fasterxml.jackson.databind", "sun.misc")) {
            assertFalse(JarRules.importable(refused), refused);
        }
    }

    @Test
    void notABundleTooLargeOrAWrongProvinceIsRefused() throws IOException {
        assertEquals("not-a-bundle", assertThrows(ProblemException.class,
                () -> rules.check("not a jar".getBytes())).code());
        Map<String, String> m = good();
        m.remove("Bundle-ManifestVersion");
        m.put("Apom-Province", "5O");
        m.put("Bundle-Version", "one");
        assertEquals(List.of("Bundle-Version", "Bundle-ManifestVersion", "Apom-Province"), assertThrows(
                ProblemException.class, () -> rules.check(jar(m))).errors().stream().map(FieldError::field).toList());
        assertEquals(413, assertThrows(ProblemException.class, () -> new JarRules(10, 1024 * 1024).check(jar(good()))).status());
    }

    private static Map<String, String> good() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Bundle-ManifestVersion", "2");
        m.put("Bundle-SymbolicName", "org.apom.ext.p50.checks");
        m.put("Bundle-Version", "1.1.0");
        m.put("Apom-Province", "50");
        m.put("Import-Package", "org.apom.extensions.api;version=\"[1.0,2)\",org.apom.registry.api,"
                + "org.osgi.service.component;version=\"[1.4,2)\",javax.ws.rs;version=\"[2.1,3)\",java.util");
        return m;
    }

    static byte[] jar(Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JarOutputStream(out, manifest).close();
        return out.toByteArray();
    }
}

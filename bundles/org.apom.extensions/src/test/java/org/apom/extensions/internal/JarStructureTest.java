package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apom.core.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Jars made to show a check one manifest and the framework another, or to inflate without end. */
class JarStructureTest {

    private final JarRules rules = new JarRules(1024 * 1024, 1024 * 1024);

    @Test
    void twoManifestsOfTheSameNameAreRefusedWhicheverTheFrameworkWouldRead() throws IOException {
        byte[] jar = rename(zip(Map.of("META-INF/MANIFEST.MF", manifest("50", "org.apom.extensions.api"),
                "META-INF/MANIFEST.XX", manifest("*", "org.osgi.framework"))), "META-INF/MANIFEST.XX",
                "META-INF/MANIFEST.MF", false);
        assertEquals("duplicate-entry", refusal(jar));
    }

    @Test
    void aManifestNameInAnotherCaseIsADuplicateToo() throws IOException {
        byte[] jar = zip(Map.of("meta-inf/manifest.mf", manifest("50", "org.apom.extensions.api"),
                "META-INF/MANIFEST.MF", manifest("*", "org.osgi.framework")));
        assertEquals("duplicate-entry", refusal(jar));
    }

    @Test
    void aCentralDirectoryThatNamesOtherEntriesThanTheHeadersIsRefused() throws IOException {
        // the headers walk to a good manifest; the directory, which the framework reads, points at the other one
        byte[] jar = zip(Map.of("META-INF/MANIFEST.MF", manifest("50", "org.apom.extensions.api"),
                "META-INF/MANIFEST.XX", manifest("*", "org.osgi.framework")));
        jar = rename(jar, "META-INF/MANIFEST.MF", "META-INF/MANIFEST.YY", true);
        jar = rename(jar, "META-INF/MANIFEST.XX", "META-INF/MANIFEST.MF", true);
        assertEquals("inconsistent-jar", refusal(jar));
    }

    @Test
    void aJarThatInflatesBeyondTheLimitIsRefusedBeforeItCostsMemory() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", manifest("50", "org.apom.extensions.api"));
        entries.put("zeros.bin", new byte[8 * 1024 * 1024]);
        byte[] bomb = zip(entries);
        assertTrue(bomb.length < 64 * 1024, "a few KiB on the wire: " + bomb.length);
        assertEquals("too-large-inflated", refusal(bomb));

        // a manifest is read whole into memory, so it has a limit of its own, far below the jar's
        String padded = new String(manifest("50", "org.apom.extensions.api"), StandardCharsets.UTF_8).strip()
                + "\r\nX-Padding: " + "x".repeat(300 * 1024) + "\r\n\r\n";
        ProblemException e = assertThrows(ProblemException.class, () -> new JarRules(1024 * 1024, 64L * 1024 * 1024)
                .check(zip(Map.of("META-INF/MANIFEST.MF", padded.getBytes(StandardCharsets.UTF_8)))));
        assertEquals("too-large-inflated", e.code());
    }

    @Test
    void aPlainJarStillPasses() throws IOException {
        assertEquals("50", rules.check(zip(Map.of("META-INF/MANIFEST.MF",
                manifest("50", "org.apom.extensions.api")))).province());
    }

    private String refusal(byte[] jar) {
        ProblemException e = assertThrows(ProblemException.class, () -> rules.check(jar));
        assertEquals(422, e.status());
        return e.code();
    }

    static byte[] manifest(String province, String imports) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.apom.ext.p50.twofaced");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Apom-Province", province);
        a.putValue("Import-Package", imports);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        Map<String, byte[]> ordered = new java.util.TreeMap<>(entries);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : ordered.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * Renames an entry in place (same length, so every offset holds): in its header and the central directory,
     * or in the directory only.
     */
    static byte[] rename(byte[] jar, String from, String to, boolean directoryOnly) {
        byte[] a = from.getBytes(StandardCharsets.US_ASCII);
        byte[] b = to.getBytes(StandardCharsets.US_ASCII);
        assertEquals(a.length, b.length);
        byte[] copy = jar.clone();
        int found = 0;
        for (int i = copy.length - a.length; i >= 0; i--) {
            if (java.util.Arrays.equals(copy, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, copy, i, b.length);
                found++;
                if (directoryOnly) {
                    break; // the directory is at the end: the last occurrence is its one
                }
            }
        }
        assertEquals(directoryOnly ? 1 : 2, found);
        return copy;
    }
}

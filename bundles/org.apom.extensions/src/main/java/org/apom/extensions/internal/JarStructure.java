package org.apom.extensions.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;

/**
 * The manifest of an extension jar, read as the framework will read it, and only from a jar that cannot show two
 * faces. A zip has two lists of its entries (a header before each entry, and the central directory at its end):
 * a reader that walks the entries (as {@code JarInputStream} does) and one that looks names up in the directory
 * (as Felix does) may see different manifests when a name appears twice or the two lists differ. So the jar is
 * refused when any name appears twice (ignoring case, as the JDK's jar readers match the manifest's name), when
 * the two lists differ, or when the two manifests differ; and inflating stops at a limit, so that a few hundred
 * kilobytes that inflate to gigabytes cost nothing but a refusal.
 */
final class JarStructure {

    /** A manifest is a few kilobytes; this is generous. */
    static final int MAX_MANIFEST_BYTES = 256 * 1024;

    private JarStructure() {
    }

    /**
     * @param maxInflatedBytes the most all entries together may inflate to
     * @return the manifest the framework will use
     * @throws ProblemException 422 {@code not-a-bundle} (not a zip, no manifest), {@code duplicate-entry},
     *         {@code inconsistent-jar}, {@code too-large-inflated}
     */
    static Manifest manifest(byte[] jar, long maxInflatedBytes) {
        Walked walked = walk(jar, maxInflatedBytes);
        byte[] looked = lookUp(jar, walked.names());
        if (walked.manifest() == null || looked == null) {
            throw refused("not-a-bundle", "The jar has no " + JarFile.MANIFEST_NAME + ".",
                    "แฟ้มนี้ไม่มี " + JarFile.MANIFEST_NAME);
        }
        if (!Arrays.equals(walked.manifest(), looked)) {
            throw inconsistent();
        }
        try {
            return new Manifest(new ByteArrayInputStream(looked));
        } catch (IOException e) {
            throw refused("not-a-bundle", "The manifest cannot be read.", "อ่าน manifest ไม่ได้");
        }
    }

    private record Walked(List<String> names, byte[] manifest) {
    }

    /** Every entry by its own header, in order: names unique, inflated bytes counted, the manifest kept. */
    private static Walked walk(byte[] jar, long maxInflatedBytes) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        byte[] manifest = null;
        long inflated = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            byte[] buffer = new byte[8192];
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (!seen.add(entry.getName().toUpperCase(Locale.ROOT))) {
                    throw refused("duplicate-entry", "The jar holds " + entry.getName() + " twice.",
                            "แฟ้มนี้มี " + entry.getName() + " ซ้ำกัน");
                }
                names.add(entry.getName());
                boolean isManifest = JarFile.MANIFEST_NAME.equals(entry.getName());
                ByteArrayOutputStream kept = isManifest ? new ByteArrayOutputStream() : null;
                for (int n; (n = in.read(buffer)) > 0;) {
                    inflated += n;
                    if (inflated > maxInflatedBytes || isManifest && kept.size() + n > MAX_MANIFEST_BYTES) {
                        throw refused("too-large-inflated", "The jar's content is too large once inflated (at most "
                                + maxInflatedBytes / 1024 + " KiB, and " + MAX_MANIFEST_BYTES / 1024
                                + " KiB for the manifest).", "เนื้อหาของแฟ้มเมื่อขยายแล้วใหญ่เกินกำหนด");
                    }
                    if (isManifest) {
                        kept.write(buffer, 0, n);
                    }
                }
                if (isManifest) {
                    manifest = kept.toByteArray();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused("not-a-bundle", "The body is not a jar file.", "แฟ้มนี้ไม่ใช่ jar");
        }
        if (names.isEmpty()) {
            throw refused("not-a-bundle", "The body is not a jar file.", "แฟ้มนี้ไม่ใช่ jar");
        }
        return new Walked(names, manifest);
    }

    /**
     * The manifest as the central directory finds it (the framework's way), once the directory is known to list
     * exactly the walked entries; {@code null} if it has none.
     */
    private static byte[] lookUp(byte[] jar, List<String> walked) {
        Path file = null;
        try {
            file = Files.createTempFile("apom-extension-", ".jar");
            Files.write(file, jar);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                List<String> listed = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
                if (!new HashSet<>(listed).equals(new HashSet<>(walked)) || listed.size() != walked.size()) {
                    throw inconsistent();
                }
                ZipEntry entry = zip.getEntry(JarFile.MANIFEST_NAME);
                if (entry == null) {
                    return null;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] manifest = in.readNBytes(MAX_MANIFEST_BYTES + 1);
                    if (manifest.length > MAX_MANIFEST_BYTES) {
                        throw inconsistent();
                    }
                    return manifest;
                }
            }
        } catch (IOException e) {
            throw inconsistent();
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the JVM's temp directory cleaning takes care of
                }
            }
        }
    }

    private static ProblemException inconsistent() {
        return refused("inconsistent-jar", "The jar's list of entries does not match its content (a jar made to "
                + "show one manifest to a check and another to the framework).",
                "รายการในแฟ้ม jar ไม่ตรงกับเนื้อหา");
    }

    private static ProblemException refused(String code, String en, String th) {
        return new ProblemException(422, code, LocalizedText.of(en, th), List.of());
    }
}

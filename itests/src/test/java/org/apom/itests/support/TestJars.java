package org.apom.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Extension jars made in the test: bundles with a manifest only, enough to install, swap and refuse. */
public final class TestJars {

    private TestJars() {
    }

    /** A well-behaved extension of the province ({@code *} for every province) in that version. */
    public static byte[] extension(String symbolicName, String version, String province) throws IOException {
        return jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName, "Bundle-Version", version,
                "Apom-Province", province, "Import-Package", "org.apom.extensions.api,java.util"));
    }

    public static byte[] jar(Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JarOutputStream(out, manifest).close();
        return out.toByteArray();
    }
}

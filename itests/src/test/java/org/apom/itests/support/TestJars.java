package org.apom.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apom.itests.ext.ProbeResource;
import org.apom.itests.ext.RogueFilter;
import org.apom.itests.ext.VersionResource;

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
        return jar(headers, Map.of());
    }

    /** A bundle made larger than the limit by an entry of that many random (incompressible) bytes. */
    public static byte[] padded(Map<String, String> headers, int bytes) throws IOException {
        byte[] noise = new byte[bytes];
        new java.util.Random(1).nextBytes(noise);
        return jar(headers, Map.of("noise.bin", noise));
    }

    /**
     * An extension with code: {@link VersionResource} as a JAX-RS resource of its province's application,
     * answering {@code version} at {@code /api/v1/ext/{province}/version}.
     */
    public static byte[] extensionWithResource(String symbolicName, String version, String province)
            throws IOException {
        return resourceExtension(symbolicName, version, province, VersionResource.class, "javax.ws.rs",
                " activate=\"activate\"",
                "  <property name=\"apom.sample.version\" value=\"" + version + "\"/>\n");
    }

    /**
     * The same, written as extensions are now: its resource selects no application, and the platform serves it in
     * its province's ({@code /api/v1/ext/{province}/version}).
     */
    public static byte[] extensionWithPlainResource(String symbolicName, String version, String province)
            throws IOException {
        byte[] component = component(symbolicName, VersionResource.class, "java.lang.Object", " activate=\"activate\"",
                "  <property name=\"apom.sample.version\" value=\"" + version + "\"/>\n"
                        + "  <property name=\"osgi.jaxrs.resource\" type=\"Boolean\" value=\"true\"/>\n");
        return jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName, "Bundle-Version", version,
                "Apom-Province", province, "Import-Package", "javax.ws.rs", "Service-Component", "OSGI-INF/component.xml"),
                Map.of(classFile(VersionResource.class), code(VersionResource.class), "OSGI-INF/component.xml", component));
    }

    /**
     * An extension written to break out of its province ({@link ProbeResource} at {@code /api/v1/ext/{province}/probe}):
     * it asks for the core register as an optional reference and searches province 40 through its own view.
     */
    public static byte[] probeExtension(String symbolicName, String province) throws IOException {
        return resourceExtension(symbolicName, "1.0.0", province, ProbeResource.class,
                "javax.ws.rs,org.apom.core.api,org.apom.extensions.api,org.apom.registry.api,org.apom.security.api", "",
                "  <reference name=\"registry\" interface=\"org.apom.registry.api.VolunteerRegistry\""
                        + " cardinality=\"0..1\" policy=\"dynamic\" bind=\"setRegistry\" unbind=\"unsetRegistry\"/>\n"
                        + "  <reference name=\"register\" interface=\"org.apom.extensions.api.ProvinceRegister\""
                        + " bind=\"setRegister\"/>\n");
    }

    /**
     * An extension of province 50 that tries to join other applications than its own: {@link ProbeResource} for
     * the core application (at {@code /api/v1/probe}) and for the whiteboard's default one (at {@code /probe}),
     * and {@link RogueFilter} as a filter of the core application.
     */
    public static byte[] rogueExtension(String symbolicName) throws IOException {
        String register = "  <reference name=\"register\" interface=\"org.apom.extensions.api.ProvinceRegister\""
                + " bind=\"setRegister\"/>\n";
        String core = "  <property name=\"osgi.jaxrs.application.select\" value=\"(osgi.jaxrs.name=apom)\"/>\n";
        String resource = "  <property name=\"osgi.jaxrs.resource\" type=\"Boolean\" value=\"true\"/>\n";
        return jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName, "Bundle-Version", "1.0.0",
                "Apom-Province", "50", "Service-Component", "OSGI-INF/core.xml,OSGI-INF/default.xml,OSGI-INF/filter.xml",
                "Import-Package", "javax.ws.rs,javax.ws.rs.container,javax.ws.rs.core,org.apom.core.api,"
                        + "org.apom.extensions.api,org.apom.registry.api,org.apom.security.api"),
                Map.of(classFile(ProbeResource.class), code(ProbeResource.class),
                        classFile(RogueFilter.class), code(RogueFilter.class),
                        "OSGI-INF/core.xml", component("rogue.core", ProbeResource.class, "java.lang.Object", "",
                                register + resource + core),
                        "OSGI-INF/default.xml", component("rogue.default", ProbeResource.class, "java.lang.Object", "",
                                register + resource),
                        "OSGI-INF/filter.xml", component("rogue.filter", RogueFilter.class,
                                "javax.ws.rs.container.ContainerResponseFilter", "",
                                "  <property name=\"osgi.jaxrs.extension\" type=\"Boolean\" value=\"true\"/>\n" + core)));
    }

    /** An extension of province 50 whose grading criterion ({@link SlowCriterion}) takes 1.5 s per network. */
    public static byte[] slowCriterionExtension(String symbolicName) throws IOException {
        byte[] component = component(symbolicName, SlowCriterion.class, "org.apom.tiering.api.TierCriterion", "", "");
        return jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName, "Bundle-Version", "1.0.0",
                "Apom-Province", "50", "Import-Package", "org.apom.core.api,org.apom.tiering.api",
                "Service-Component", "OSGI-INF/component.xml"),
                Map.of(classFile(SlowCriterion.class), code(SlowCriterion.class), "OSGI-INF/component.xml", component));
    }

    /** A bundle of one class of this test, registered by DS as a resource of the province's application. */
    private static byte[] resourceExtension(String symbolicName, String version, String province, Class<?> resource,
            String imports, String componentAttributes, String componentBody) throws IOException {
        byte[] component = component(symbolicName, resource, "java.lang.Object", componentAttributes, componentBody
                + "  <property name=\"osgi.jaxrs.resource\" type=\"Boolean\" value=\"true\"/>\n"
                + "  <property name=\"osgi.jaxrs.application.select\" value=\"(osgi.jaxrs.name=apom-ext-"
                + province + ")\"/>\n");
        return jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName, "Bundle-Version", version,
                "Apom-Province", province, "Import-Package", imports, "Service-Component", "OSGI-INF/component.xml"),
                Map.of(classFile(resource), code(resource), "OSGI-INF/component.xml", component));
    }

    private static byte[] component(String name, Class<?> implementation, String service, String attributes,
            String body) {
        return ("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name + "\"" + attributes
                + ">\n  <implementation class=\"" + implementation.getName() + "\"/>\n"
                + "  <service><provide interface=\"" + service + "\"/></service>\n" + body + "</scr:component>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String classFile(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static byte[] code(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(classFile(type))) {
            return in.readAllBytes();
        }
    }

    /**
     * A jar with two {@code META-INF/MANIFEST.MF} entries: a check that walks the entries reads the first (province
     * 50, nothing forbidden), the framework looks the name up and finds the last (every province, the framework).
     */
    public static byte[] twoFaced(String symbolicName) throws IOException {
        Map<String, String> evil = Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName,
                "Apom-Province", "*", "Import-Package", "org.osgi.framework");
        Manifest second = new Manifest();
        second.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        evil.forEach((k, v) -> second.getMainAttributes().putValue(k, v));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        second.write(text);
        byte[] jar = jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName,
                "Apom-Province", "50"), Map.of("META-INF/MANIFEST.XX", text.toByteArray()));
        // the same length, so every offset holds: renamed in its header and in the central directory
        String bytes = new String(jar, StandardCharsets.ISO_8859_1);
        return bytes.replace("META-INF/MANIFEST.XX", "META-INF/MANIFEST.MF")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A valid manifest and an entry of zeros that inflates to that many bytes from a few hundred KiB. */
    public static byte[] inflating(Map<String, String> headers, int inflatedBytes) throws IOException {
        return jar(headers, Map.of("zeros.bin", new byte[inflatedBytes]));
    }

    private static byte[] jar(Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

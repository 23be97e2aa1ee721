package org.apom.extensions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.osgi.framework.Version;

/**
 * What an extension jar must be before anything of it is installed: a bundle that names its province, that
 * imports only the platform's APIs, OSGi service packages, JAX-RS, javax.annotation and the JDK, that exports
 * nothing and cannot reach into other bundles (no dynamic imports, fragments or required bundles), within a
 * size limit. Every broken rule is reported, each with the header it concerns.
 */
final class JarRules {

    private static final Pattern APOM_API = Pattern.compile("org\\.apom(\\.[a-z0-9_]+)*\\.api(\\.[a-z0-9_]+)*");
    private static final List<String> ALLOWED_PREFIXES = List.of("org.osgi.service.", "javax.ws.rs",
            "javax.annotation");
    /** The Java SE packages (the java.* modules, not the JDK's own jdk.* ones such as sun.misc). */
    private static final Set<String> JDK = ModuleLayer.boot().modules().stream()
            .filter(m -> m.getName().startsWith("java.")).map(Module::getDescriptor)
            .flatMap(d -> d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source))
            .collect(Collectors.toUnmodifiableSet());
    private static final List<String> FORBIDDEN = List.of("Export-Package", "DynamicImport-Package", "Fragment-Host",
            "Require-Bundle");

    private final int maxBytes;
    private final long maxInflatedBytes;

    JarRules(int maxBytes, long maxInflatedBytes) {
        this.maxBytes = maxBytes;
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /**
     * Reads an uploaded jar, never more than the size limit allows.
     *
     * @throws ProblemException 413 {@code too-large}
     */
    byte[] read(InputStream body) throws IOException {
        byte[] jar = body.readNBytes(maxBytes + 1);
        if (jar.length > maxBytes) {
            throw tooLarge();
        }
        return jar;
    }

    /**
     * @throws ProblemException 413 {@code too-large}; 422 {@code not-a-bundle} or {@code extension-rules} with
     *         every broken rule
     */
    ExtensionJar check(byte[] jar) {
        if (jar.length > maxBytes) {
            throw tooLarge();
        }
        Attributes main = JarStructure.manifest(jar, maxInflatedBytes).getMainAttributes();
        List<FieldError> errors = new ArrayList<>();
        String name = symbolicName(main.getValue("Bundle-SymbolicName"), errors);
        Version version = version(main.getValue("Bundle-Version"), errors);
        if (!"2".equals(main.getValue("Bundle-ManifestVersion"))) {
            errors.add(error("Bundle-ManifestVersion", "not-a-bundle", "The manifest must say Bundle-ManifestVersion: 2.",
                    "manifest ต้องระบุ Bundle-ManifestVersion: 2"));
        }
        String province = province(main.getValue(ExtensionJar.PROVINCE_HEADER), errors);
        for (String forbidden : FORBIDDEN) {
            String value = main.getValue(forbidden);
            if (value != null && !value.isBlank()) {
                errors.add(error(forbidden, "forbidden-header", "An extension may not use " + forbidden + ".",
                        "ส่วนขยายใช้ " + forbidden + " ไม่ได้"));
            }
        }
        for (String imported : ManifestClauses.packages(main.getValue("Import-Package"))) {
            if (!importable(imported)) {
                errors.add(error("Import-Package", "forbidden-import", "An extension may not import " + imported
                        + "; only org.apom.*.api, org.osgi.service.*, javax.ws.rs, javax.annotation and the JDK.",
                        "ส่วนขยายนำเข้า " + imported + " ไม่ได้ ใช้ได้เฉพาะ org.apom.*.api, org.osgi.service.*, "
                                + "javax.ws.rs, javax.annotation และ JDK"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "extension-rules", LocalizedText.of(
                    "The jar breaks the rules for extensions (docs/extensions.md).",
                    "แฟ้มนี้ไม่เป็นไปตามกฎของส่วนขยาย (docs/extensions.md)"), errors);
        }
        return new ExtensionJar(name, version, province, jar);
    }

    static boolean importable(String pkg) {
        return APOM_API.matcher(pkg).matches() || JDK.contains(pkg)
                || ALLOWED_PREFIXES.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p.endsWith(".") ? p : p + "."));
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "too-large", LocalizedText.of(
                "An extension jar has at most " + maxBytes / 1024 + " KiB.",
                "แฟ้มส่วนขยายมีขนาดได้ไม่เกิน " + maxBytes / 1024 + " KiB"), List.of());
    }

    private static String symbolicName(String header, List<FieldError> errors) {
        String name = header == null ? null : header.split(";", 2)[0].strip();
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            errors.add(error("Bundle-SymbolicName", "not-a-bundle", "The manifest must name the bundle "
                    + "(Bundle-SymbolicName).", "manifest ต้องระบุ Bundle-SymbolicName"));
            return null;
        }
        return name;
    }

    private static Version version(String header, List<FieldError> errors) {
        try {
            return header == null ? Version.emptyVersion : Version.parseVersion(header.strip());
        } catch (IllegalArgumentException e) {
            errors.add(error("Bundle-Version", "not-a-bundle", "Bundle-Version is not a version (e.g. 1.1.0).",
                    "Bundle-Version ไม่ใช่รูปแบบรุ่น (เช่น 1.1.0)"));
            return null;
        }
    }

    private static String province(String header, List<FieldError> errors) {
        if (header == null || header.isBlank()) {
            errors.add(error(ExtensionJar.PROVINCE_HEADER, "required", "The manifest must name the province the "
                    + "extension serves (Apom-Province: 50), or * for every province.",
                    "manifest ต้องระบุจังหวัดของส่วนขยาย (Apom-Province: 50) หรือ * สำหรับทุกจังหวัด"));
            return null;
        }
        String value = header.strip();
        if (ExtensionJar.EVERY_PROVINCE.equals(value)) {
            return value;
        }
        try {
            return ProvinceCode.of(value).value();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(ExtensionJar.PROVINCE_HEADER, e.code(), e.text()));
            return null;
        }
    }

    private static FieldError error(String header, String code, String en, String th) {
        return new FieldError(header, code, LocalizedText.of(en, th));
    }
}

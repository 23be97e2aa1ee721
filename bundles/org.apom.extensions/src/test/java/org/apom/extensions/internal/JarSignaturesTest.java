package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apom.core.api.problem.FieldError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.security.jarsigner.JarSigner;

/** Jars signed for real (keytool's keys, the JDK's jarsigner API) against a real trust store. */
class JarSignaturesTest {

    @TempDir
    static Path dir;
    private static JarSignatures signing;

    @BeforeAll
    static void keys() throws Exception {
        keytool("-genkeypair", "-alias", "cm", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Chiang Mai IT",
                "-validity", "30", "-keystore", path("cm.p12"), "-storepass", "cm-secret", "-storetype", "PKCS12");
        keytool("-genkeypair", "-alias", "stranger", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Stranger", "-validity", "30", "-keystore", path("stranger.p12"), "-storepass", "st-secret",
                "-storetype", "PKCS12");
        keytool("-exportcert", "-alias", "cm", "-keystore", path("cm.p12"), "-storepass", "cm-secret", "-file",
                path("cm.cer"));
        keytool("-importcert", "-noprompt", "-alias", "cm", "-file", path("cm.cer"), "-keystore", path("trust.p12"),
                "-storepass", "trust-secret", "-storetype", "PKCS12");
        signing = JarSignatures.from(path("trust.p12"), "trust-secret");
    }

    @Test
    void aJarSignedByATrustedKeyPasses() throws Exception {
        assertEquals(List.of(), signing.check(signed(unsigned(), "cm.p12", "cm-secret", "cm")));
        assertEquals(List.of(), JarSignatures.off().check(unsigned()), "signing is off without a trust store");
        assertEquals(List.of(), JarSignatures.from(" ", "").check(unsigned()));
    }

    @Test
    void unsignedUntrustedOrChangedJarsAreRefusedWithTheReason() throws Exception {
        assertEquals("unsigned", code(signing.check(unsigned())));
        assertEquals("untrusted-signer", code(signing.check(signed(unsigned(), "stranger.p12", "st-secret", "stranger"))));
        byte[] signed = signed(unsigned(), "cm.p12", "cm-secret", "cm");
        assertEquals("tampered", code(signing.check(changed(signed, "org/apom/ext/p50/Check.class"))));
        assertEquals("unsigned", code(signing.check(withExtraEntry(signed))), "an entry added after signing");
    }

    @Test
    void aTrustStoreThatCannotBeReadRefusesEveryJar() throws Exception {
        JarSignatures broken = JarSignatures.from(path("missing.p12"), "x");
        assertTrue(broken.required());
        assertEquals("trust-store-unusable", code(broken.check(signed(unsigned(), "cm.p12", "cm-secret", "cm"))));
        assertEquals("trust-store-unusable", code(JarSignatures.from(path("trust.p12"), "wrong").check(unsigned())));
        FieldError shown = broken.check(unsigned()).get(0);
        assertFalse(shown.message().en().contains("missing.p12") || shown.message().th().contains("missing.p12"),
                "where central IT keeps its trust store is not the uploader's business: " + shown);
    }

    private static String code(List<FieldError> errors) {
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(JarSignatures.FIELD, errors.get(0).field());
        return errors.get(0).code();
    }

    private static byte[] unsigned() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.apom.ext.p50.signed");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("org/apom/ext/p50/Check.class"));
            jar.write("pretend bytecode".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] signed(byte[] jar, String keystore, String password, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance(Path.of(path(keystore)).toFile(), password.toCharArray());
        PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
        var chain = CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(store.getCertificateChain(alias)));
        Path unsignedFile = Files.write(Files.createTempFile(dir, "unsigned", ".jar"), jar);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(unsignedFile.toFile())) {
            new JarSigner.Builder(key, chain).build().sign(zip, out);
        }
        return out.toByteArray();
    }

    /** The same jar with one entry's bytes changed, everything else (signature files too) as it was. */
    private static byte[] changed(byte[] jar, String entryName) throws IOException {
        return rewrite(jar, entryName, null);
    }

    private static byte[] withExtraEntry(byte[] jar) throws IOException {
        return rewrite(jar, null, "org/apom/ext/p50/Added.class");
    }

    private static byte[] rewrite(byte[] jar, String change, String add) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                byte[] bytes = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(change) ? "changed bytecode".getBytes(StandardCharsets.UTF_8) : bytes);
                zip.closeEntry();
            }
            if (add != null) {
                zip.putNextEntry(new ZipEntry(add));
                zip.write(1);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String path(String name) {
        return dir.resolve(name).toString();
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + List.of(args) + ": " + output);
        }
    }
}

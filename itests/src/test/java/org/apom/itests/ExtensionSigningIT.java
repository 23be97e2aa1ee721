package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.HttpAnswer;
import org.apom.itests.support.TestJars;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Central IT turns signing on by configuring a trust store (etc/org.apom.extensions.cfg): from then on only jars
 * signed by a trusted key are installed. Keys and signatures are made with the JDK's keytool and jarsigner.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExtensionSigningIT extends ApomContainerTest {

    private static final String JAR = "application/java-archive";

    @Inject
    private ConfigurationAdmin configurations;

    @Override
    protected boolean extensionsDevelopmentMode() {
        return false;
    }

    @Test
    public void withATrustStoreOnlyJarsSignedByATrustedKeyAreInstalled() throws Exception {
        Path dir = Files.createTempDirectory("signing");
        tool(dir, "keytool", "-genkeypair", "-alias", "cm", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Chiang Mai IT", "-validity", "30", "-keystore", "cm.p12", "-storepass", "cm-secret");
        tool(dir, "keytool", "-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Someone", "-validity", "30", "-keystore", "other.p12", "-storepass", "other-secret");
        tool(dir, "keytool", "-exportcert", "-alias", "cm", "-keystore", "cm.p12", "-storepass", "cm-secret",
                "-file", "cm.cer");
        tool(dir, "keytool", "-importcert", "-noprompt", "-alias", "cm", "-file", "cm.cer", "-keystore", "trust.p12",
                "-storepass", "trust-secret", "-storetype", "PKCS12");
        Configuration config = configurations.getConfiguration("org.apom.extensions", null);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("trustStore", dir.resolve("trust.p12").toString());
        properties.put("trustStorePassword", "trust-secret");
        config.update(properties);

        byte[] unsigned = TestJars.extensionWithResource("org.apom.ext.p50.signed", "1.0.0", "50");
        HttpAnswer refused = refusedOnceSigningIsOn(unsigned);
        assertEquals("unsigned", refused.json().get("errors").get(0).get("code").asText());
        assertEquals("signature", refused.json().get("errors").get(0).get("field").asText());
        JsonNode untrusted = asAdmin().sendBytes("POST", "/extensions", JAR, sign(dir, unsigned, "other.p12",
                "other-secret", "other")).json();
        assertEquals("untrusted-signer", untrusted.get("errors").get(0).get("code").asText());
        HttpAnswer installed = asAdmin().sendBytes("POST", "/extensions", JAR, sign(dir, unsigned, "cm.p12",
                "cm-secret", "cm"));
        assertEquals(installed.toString(), 201, installed.status());
    }

    private HttpAnswer refusedOnceSigningIsOn(byte[] jar) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        HttpAnswer last = null;
        while (System.nanoTime() < deadline) {
            waitUntilReady();
            last = asAdmin().sendBytes("POST", "/extensions", JAR, jar);
            if (last.status() == 422) {
                assertProblem(last, 422, "extension-rules");
                return last;
            }
            if (last.status() == 201) {
                throw new AssertionError("installed unsigned with signing on: " + last);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("signing never came on: " + last);
    }

    private static byte[] sign(Path dir, byte[] jar, String keystore, String password, String alias) throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "ext", ".jar"), jar);
        tool(dir, "jarsigner", "-keystore", keystore, "-storepass", password, file.toString(), alias);
        return Files.readAllBytes(file);
    }

    private static void tool(Path dir, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", name).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(name + " " + List.of(args) + ": " + output);
        }
    }
}

package org.apom.extensions.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signature rule, on when central IT configures a trust store: every entry of an extension jar must be signed
 * (jarsigner), untouched since, by a key whose certificate, or one of its issuers, is in the store and valid today.
 * A store that is configured but cannot be read refuses every jar rather than let unsigned ones in.
 */
final class JarSignatures {

    private static final Logger LOG = LoggerFactory.getLogger(JarSignatures.class);

    static final String FIELD = "signature";

    private final Set<Certificate> trusted;
    private final String unusable;

    private JarSignatures(Set<Certificate> trusted, String unusable) {
        this.trusted = trusted;
        this.unusable = unusable;
    }

    /** Signing off: any jar passes this rule. */
    static JarSignatures off() {
        return new JarSignatures(null, null);
    }

    /** The trusted certificates of a keystore (PKCS12 or JKS); a blank path turns the rule off. */
    static JarSignatures from(String trustStore, String password) {
        if (trustStore == null || trustStore.isBlank()) {
            return off();
        }
        try {
            KeyStore store = KeyStore.getInstance(Path.of(trustStore).toFile(), password.toCharArray());
            Set<Certificate> certificates = new HashSet<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate c = store.getCertificate(alias);
                if (c != null) {
                    certificates.add(c);
                }
            }
            if (certificates.isEmpty()) {
                return unusable("the trust store " + trustStore + " holds no certificate");
            }
            return new JarSignatures(Set.copyOf(certificates), null);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return unusable("the trust store " + trustStore + " cannot be read: " + e.getMessage());
        }
    }

    /** The reason goes to the log only: where the store lies and why it fails is no uploader's business. */
    private static JarSignatures unusable(String reason) {
        LOG.error("Every extension is refused: {}", reason);
        return new JarSignatures(null, reason);
    }

    boolean required() {
        return trusted != null || unusable != null;
    }

    /** What is wrong with the jar's signature, if signing is on; empty when nothing is. */
    List<FieldError> check(byte[] jar) {
        if (!required()) {
            return List.of();
        }
        if (unusable != null) {
            return List.of(error("trust-store-unusable", "Extensions cannot be checked now: central IT's trust store "
                    + "cannot be used (the platform's log says why).",
                    "ตรวจลายมือชื่อส่วนขยายไม่ได้ในขณะนี้ เพราะใช้คลังใบรับรองของส่วนกลางไม่ได้ (ดูเหตุผลในบันทึกของระบบ)"));
        }
        List<String> unsigned = new ArrayList<>();
        List<String> untrusted = new ArrayList<>();
        int signed = 0;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), true)) {
            for (JarEntry entry; (entry = in.getNextJarEntry()) != null;) {
                // reading an entry to its end is what checks its digest against the signature
                in.transferTo(OutputStream.nullOutputStream());
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsigned.add(entry.getName());
                } else if (!trustedAmong(signers)) {
                    untrusted.add(entry.getName());
                } else {
                    signed++;
                }
            }
        } catch (SecurityException | IOException tampered) {
            return List.of(error("tampered", "The jar was changed after it was signed.",
                    "แฟ้มถูกแก้ไขหลังจากลงลายมือชื่อ"));
        }
        if (!untrusted.isEmpty()) {
            return List.of(error("untrusted-signer", "The jar is not signed by a key central IT trusts ("
                    + untrusted.get(0) + ").", "แฟ้มไม่ได้ลงลายมือชื่อด้วยกุญแจที่ส่วนกลางเชื่อถือ"));
        }
        if (!unsigned.isEmpty() || signed == 0) {
            return List.of(error("unsigned", "Central IT requires signed extensions; "
                    + (unsigned.isEmpty() ? "the jar has no signed content." : unsigned.get(0) + " is not signed."),
                    "ส่วนกลางกำหนดให้ส่วนขยายต้องลงลายมือชื่อ แฟ้มนี้ไม่ได้ลงลายมือชื่อครบ"));
        }
        return List.of();
    }

    private boolean trustedAmong(CodeSigner[] signers) {
        for (CodeSigner signer : signers) {
            for (Certificate c : signer.getSignerCertPath().getCertificates()) {
                if (trusted.contains(c) && valid(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean valid(Certificate c) {
        try {
            if (c instanceof X509Certificate x) {
                x.checkValidity();
            }
            return true;
        } catch (CertificateException expired) {
            return false;
        }
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && !upper.substring(9).contains("/")
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                        || upper.startsWith("META-INF/SIG-"));
    }

    private static FieldError error(String code, String en, String th) {
        return new FieldError(FIELD, code, LocalizedText.of(en, th));
    }
}

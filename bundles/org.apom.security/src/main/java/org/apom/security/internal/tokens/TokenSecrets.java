package org.apom.security.internal.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: 256 random bits, shown once as {@code apom_<base64url>}, stored only as their SHA-256.
 * A fast hash is right here, unlike for passwords: a 256-bit random secret cannot be guessed or looked up.
 */
public final class TokenSecrets {

    static final String PREFIX = "apom_";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    static String generate() {
        byte[] secret = new byte[BYTES];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether the text has the shape of a secret this platform gives out (checked before any lookup). */
    static boolean wellFormed(String secret) {
        return secret != null && secret.length() == PREFIX.length() + 43 && secret.startsWith(PREFIX)
                && secret.substring(PREFIX.length()).chars()
                        .allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}

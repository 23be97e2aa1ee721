package org.apom.security.internal.users;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id with the OWASP parameters (19 MiB, 2 iterations, 1 lane, 16-byte salt, 32-byte hash), from
 * Spring Security Crypto over Bouncy Castle. The hash string carries its parameters, so they can be raised
 * later without invalidating stored hashes.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    /** Checked against for unknown users, so that they take as long to refuse as known ones. */
    private final String decoy = encoder.encode("decoy password that nobody has");

    public String hash(char[] password) {
        return encoder.encode(java.nio.CharBuffer.wrap(password));
    }

    public boolean matches(char[] password, String hash) {
        return encoder.matches(java.nio.CharBuffer.wrap(password), hash);
    }

    /** Spends the time a real check would, for a username that does not exist. */
    public void matchDecoy(char[] password) {
        encoder.matches(java.nio.CharBuffer.wrap(password), decoy);
    }
}

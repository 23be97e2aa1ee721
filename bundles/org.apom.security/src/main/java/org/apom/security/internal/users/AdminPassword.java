package org.apom.security.internal.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A generated first-admin password, and the file that only its owner can read. There is never a default.
 */
final class AdminPassword {

    private static final int GENERATED_LENGTH = 24;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminPassword() {
    }

    /** About 140 bits from a cryptographic generator, without look-alike characters. */
    static String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Writes the password to a new file that only its owner may read or write (mode 600). */
    static void writeOwnerOnly(Path file, String password) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("another process created " + file + " at the same moment", raced);
        }
        Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}

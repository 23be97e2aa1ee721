package org.apom.security.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPasswordTest {

    @Test
    void generatedPasswordsAreLongAndDifferent() {
        String a = AdminPassword.generate();
        assertEquals(24, a.length());
        assertNotEquals(a, AdminPassword.generate());
        assertTrue(a.chars().allMatch(Character::isLetterOrDigit));
    }

    @Test
    void theFileIsReadableOnlyByItsOwner(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("apom-admin.password");
        Files.writeString(file, "old");
        AdminPassword.writeOwnerOnly(file, "s3cret-s3cret");
        assertEquals("s3cret-s3cret", Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}

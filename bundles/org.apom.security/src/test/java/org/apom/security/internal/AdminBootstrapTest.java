package org.apom.security.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.utils.properties.Properties;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first admin against Karaf's real users.properties store. */
class AdminBootstrapTest {

    @Test
    void refusesToStoreThePasswordUnhashedAndLeavesNothingBehind(@TempDir Path etc) throws Exception {
        Path usersFile = Files.writeString(etc.resolve("users.properties"), "# no users\n");
        PropertiesBackingEngine users = new PropertiesBackingEngine(new Properties(usersFile.toFile()),
                EncryptionSupport.noEncryptionSupport());

        assertFalse(new AdminBootstrap().ensureAdmin(users, usersFile, null));

        assertNull(users.lookupUser("admin"), "no admin with a readable password");
        assertFalse(Files.exists(etc.resolve(AdminBootstrap.PASSWORD_FILE)));
        assertFalse(Files.readString(usersFile).contains("admin ="), Files.readString(usersFile));
    }

    @Test
    void aWeakChosenPasswordCreatesNoAdmin(@TempDir Path etc) throws Exception {
        Path usersFile = Files.writeString(etc.resolve("users.properties"), "");
        PropertiesBackingEngine users = new PropertiesBackingEngine(new Properties(usersFile.toFile()),
                EncryptionSupport.noEncryptionSupport());
        assertFalse(new AdminBootstrap().ensureAdmin(users, usersFile, "short"));
        assertNull(users.lookupUser("admin"));
    }

    @Test
    void anExistingAdminIsLeftAlone(@TempDir Path etc) throws Exception {
        Path usersFile = Files.writeString(etc.resolve("users.properties"), "admin = {CRYPT}x{CRYPT},central-admin\n");
        PropertiesBackingEngine users = new PropertiesBackingEngine(new Properties(usersFile.toFile()),
                EncryptionSupport.noEncryptionSupport());
        assertTrue(new AdminBootstrap().ensureAdmin(users, usersFile, null));
        assertTrue(Files.readString(usersFile).contains("{CRYPT}x{CRYPT}"));
        assertFalse(Files.exists(etc.resolve(AdminBootstrap.PASSWORD_FILE)));
    }
}

package org.apom.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts the first central admin into a users store, or explains in the log why it did not. */
final class AdminBootstrap {

    static final String ADMIN = "admin";
    static final String CENTRAL_ADMIN = "central-admin";
    static final String PASSWORD_FILE = "apom-admin.password";
    /** Karaf's administrative roles, so the admin can use the shell and ssh. */
    private static final String KARAF_ADMIN_GROUP = "admingroup";
    private static final String[] KARAF_ADMIN_ROLES = {"admin", "manager", "viewer", "systembundles", "ssh"};
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    /**
     * @param chosen APOM_ADMIN_PASSWORD, or {@code null}/empty for a generated password written beside
     *        users.properties
     * @return whether an admin exists afterwards
     */
    synchronized boolean ensureAdmin(BackingEngine users, Path usersFile, String chosen) {
        if (users.lookupUser(ADMIN) != null) {
            return true;
        }
        boolean generated = chosen == null || chosen.isEmpty();
        String password;
        try {
            password = generated ? AdminPassword.generate() : AdminPassword.checkChosen(chosen);
        } catch (IllegalArgumentException weak) {
            LOG.error(weak.getMessage());
            return false;
        }
        Path passwordFile = usersFile.resolveSibling(PASSWORD_FILE);
        try {
            if (users.listGroups().keySet().stream().map(GroupPrincipal::getName).noneMatch(KARAF_ADMIN_GROUP::equals)) {
                users.createGroup(KARAF_ADMIN_GROUP);
                for (String role : KARAF_ADMIN_ROLES) {
                    users.addGroupRole(KARAF_ADMIN_GROUP, role);
                }
            }
            users.addUser(ADMIN, password);
            users.addRole(ADMIN, CENTRAL_ADMIN);
            users.addGroup(ADMIN, KARAF_ADMIN_GROUP);
            requireHashed(usersFile, password);
            if (generated) {
                AdminPassword.writeOwnerOnly(passwordFile, password);
            }
        } catch (IOException | RuntimeException e) {
            users.deleteUser(ADMIN);
            LOG.error("Could not create the first admin: {}", e.getMessage());
            return false;
        }
        if (generated) {
            LOG.info("Created the central admin '{}'; its password is in {} (readable only by its owner)",
                    ADMIN, passwordFile);
        } else {
            LOG.info("Created the central admin '{}' with the password from APOM_ADMIN_PASSWORD", ADMIN);
        }
        return true;
    }

    /** Refuses to leave a password readable in users.properties, whatever the JAAS configuration says. */
    private static void requireHashed(Path usersFile, String password) throws IOException {
        Properties stored = new Properties();
        try (InputStream in = Files.newInputStream(usersFile)) {
            stored.load(in);
        }
        String value = stored.getProperty(ADMIN, "");
        if (value.contains(password) || !value.startsWith("{CRYPT}")) {
            throw new IOException(usersFile + " would hold the password unhashed; check etc/org.apache.karaf.jaas.cfg");
        }
    }
}

package org.apom.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first central admin at the first start, because the distribution ships no user at all: with
 * APOM_ADMIN_PASSWORD when it is set, else with a random password written to etc/apom-admin.password
 * (mode 600). The account lives in Karaf's realm, hashed with Argon2 (etc/org.apache.karaf.jaas.cfg), so
 * it also opens the Karaf shell; the security issue moves people into the platform's own realm.
 */
@Component(immediate = true)
public final class FirstStartAdmin {

    static final String ADMIN = "admin";
    static final String CENTRAL_ADMIN = "central-admin";
    static final String PASSWORD_FILE = "apom-admin.password";
    /** Karaf's administrative roles, so the admin can use the shell and ssh. */
    private static final String KARAF_ADMIN_GROUP = "admingroup";
    private static final String[] KARAF_ADMIN_ROLES = {"admin", "manager", "viewer", "systembundles", "ssh"};
    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    private static final Logger LOG = LoggerFactory.getLogger(FirstStartAdmin.class);

    private final BackingEngineFactory propertiesUsers;

    @Activate
    public FirstStartAdmin(
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE,
                    policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> userStores,
            // the password must never be stored before its hashing service is there
            @Reference(target = "(name=spring-security-crypto)") EncryptionService hashing) {
        this.propertiesUsers = userStores.stream().filter(f -> PROPERTIES_MODULE.equals(f.getModuleClass()))
                .findFirst().orElseThrow(() -> new IllegalStateException("Karaf's users.properties store is missing"));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRealm(JaasRealm realm) {
        if (!"karaf".equals(realm.getName())) {
            return;
        }
        for (AppConfigurationEntry entry : realm.getEntries()) {
            if (PROPERTIES_MODULE.equals(entry.getOptions().get("org.apache.karaf.jaas.module"))) {
                ensureAdmin(propertiesUsers.build(entry.getOptions()), Path.of(String.valueOf(entry.getOptions().get("users"))));
            }
        }
    }

    void removeRealm(JaasRealm realm) {
        // nothing to undo: the admin stays
    }

    synchronized void ensureAdmin(BackingEngine users, Path usersFile) {
        if (users.lookupUser(ADMIN) != null) {
            return;
        }
        String chosen = System.getenv("APOM_ADMIN_PASSWORD");
        String password;
        try {
            password = chosen == null || chosen.isEmpty() ? AdminPassword.generate() : AdminPassword.checkChosen(chosen);
        } catch (IllegalArgumentException weak) {
            LOG.error(weak.getMessage());
            return;
        }
        Path passwordFile = usersFile.resolveSibling(PASSWORD_FILE);
        try {
            if (chosen == null || chosen.isEmpty()) {
                AdminPassword.writeOwnerOnly(passwordFile, password);
            }
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
        } catch (IOException | RuntimeException e) {
            users.deleteUser(ADMIN);
            LOG.error("Could not create the first admin: {}", e.getMessage());
            return;
        }
        if (chosen == null || chosen.isEmpty()) {
            LOG.info("Created the central admin '{}'; its password is in {} (readable only by its owner)",
                    ADMIN, passwordFile);
        } else {
            LOG.info("Created the central admin '{}' with the password from APOM_ADMIN_PASSWORD", ADMIN);
        }
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

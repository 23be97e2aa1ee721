package org.apom.security.internal;

import java.nio.file.Path;
import java.util.List;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Creates the first central admin at the first start, because the distribution ships no user at all: with
 * APOM_ADMIN_PASSWORD when it is set, else with a random password written to etc/apom-admin.password
 * (mode 600). The account lives in Karaf's realm, hashed with Argon2 (etc/org.apache.karaf.jaas.cfg), so
 * it also opens the Karaf shell; the security issue moves people into the platform's own realm.
 */
@Component(immediate = true)
public final class FirstStartAdmin {

    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

    private final BackingEngineFactory propertiesUsers;
    private final AdminBootstrap bootstrap = new AdminBootstrap();

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
                Path usersFile = Path.of(String.valueOf(entry.getOptions().get("users")));
                bootstrap.ensureAdmin(propertiesUsers.build(entry.getOptions()), usersFile,
                        System.getenv("APOM_ADMIN_PASSWORD"));
            }
        }
    }

    void removeRealm(JaasRealm realm) {
        // nothing to undo: the admin stays
    }
}

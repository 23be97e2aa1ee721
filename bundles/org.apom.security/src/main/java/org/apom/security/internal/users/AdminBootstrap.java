package org.apom.security.internal.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.Caller;
import org.apom.security.api.NewUser;
import org.apom.security.api.Role;
import org.apom.security.api.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the first start (no account at all), creates the central admin {@code admin}: with APOM_ADMIN_PASSWORD
 * when it is set, else with a random password written to {@code etc/apom-admin.password} (mode 600).
 */
final class AdminBootstrap {

    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "apom-admin.password";
    private static final Caller FIRST_START = Caller.system("first-start");
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private AdminBootstrap() {
    }

    /** @return whether a first admin was created now */
    static boolean ensureAdmin(UserDirectory users, Path etc, String chosen) {
        if (!users.list(FIRST_START, PageRequest.of(1, null)).items().isEmpty()) {
            return false;
        }
        boolean generated = chosen == null || chosen.isEmpty();
        String password = generated ? AdminPassword.generate() : chosen;
        Path passwordFile = etc.resolve(PASSWORD_FILE);
        try {
            if (generated) {
                AdminPassword.writeOwnerOnly(passwordFile, password);
            }
            users.create(FIRST_START, new NewUser(ADMIN, password, List.of(Role.CENTRAL_ADMIN.id()), null));
        } catch (RuntimeException e) {
            // no password file may name a password that was never stored
            deleteQuietly(generated ? passwordFile : null);
            if (!(e instanceof ProblemException)) {
                throw e; // transient: the caller tries again
            }
            logFailure(e);
            return false;
        } catch (IOException e) {
            logFailure(e);
            deleteQuietly(generated ? passwordFile : null);
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

    private static void logFailure(Exception e) {
        LOG.error("Could not create the first admin: {}{}", e.getMessage(), e instanceof ProblemException p
                ? " " + p.errors().stream().map(f -> f.field() + ": " + f.message().en()).toList() : "");
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}

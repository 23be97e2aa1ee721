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

    /** @return whether an admin exists now (found or created), or why none does */
    static Result ensureAdmin(UserDirectory users, Path etc, String chosen) {
        if (accountsExist(users)) {
            return Result.FOUND;
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
            if (!(e instanceof ProblemException problem)) {
                throw e; // transient: the caller tries again
            }
            if (accountsExist(users)) {
                return Result.FOUND; // another node on the same database created its admin at the same moment
            }
            logFailure(e);
            return Result.noAdmin((generated ? "the first admin was refused: " : "APOM_ADMIN_PASSWORD was refused: ")
                    + rulesBroken(problem));
        } catch (IOException e) {
            logFailure(e);
            deleteQuietly(generated ? passwordFile : null);
            return Result.noAdmin("the file for its generated password could not be written (see the log)");
        }
        if (generated) {
            LOG.info("Created the central admin '{}'; its password is in {} (readable only by its owner)",
                    ADMIN, passwordFile);
        } else {
            LOG.info("Created the central admin '{}' with the password from APOM_ADMIN_PASSWORD", ADMIN);
        }
        return Result.CREATED;
    }

    /**
     * What the first start found or did: an admin exists ({@code created} now, or accounts were already there),
     * or {@code noAdmin} says why nobody can log in, in English for the health answer (never the password).
     */
    record Result(boolean created, String noAdmin) {

        static final Result FOUND = new Result(false, null);
        static final Result CREATED = new Result(true, null);

        static Result noAdmin(String why) {
            return new Result(false, "no central admin: " + why);
        }

        boolean adminExists() {
            return noAdmin == null;
        }
    }

    private static boolean accountsExist(UserDirectory users) {
        return !users.list(FIRST_START, PageRequest.of(1, null)).items().isEmpty();
    }

    // the rules' own sentences name what to change; the detail alone ("The data is not valid") would not
    private static String rulesBroken(ProblemException problem) {
        return problem.errors().isEmpty() ? problem.getMessage()
                : String.join(" ", problem.errors().stream().map(f -> f.message().en()).toList());
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

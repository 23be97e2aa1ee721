package org.apom.security.internal.users;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apom.core.api.problem.FieldError;

/**
 * Run by {@code ./apom} and {@code bin/setenv} before Karaf starts, with only this bundle and the core API on
 * the class path: refuses an APOM_ADMIN_PASSWORD that the password rules ({@link UserRules}) would refuse at the
 * first start, which would leave a platform nobody can log in to. The password comes from the environment,
 * never from the command line, so it is not on the process list. Exits 0 when the password is acceptable or
 * not given, else 1 with the rule it breaks on stderr.
 */
public final class AdminPasswordCheck {

    static final String VARIABLE = "APOM_ADMIN_PASSWORD";

    private AdminPasswordCheck() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: the Thai half of the message must not turn into question marks
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(System.getenv(VARIABLE), err));
    }

    /** @return the exit status: 0 when the password may be used (or none is given), 1 when it is refused */
    static int run(String password, PrintStream err) {
        Optional<String> refusal = refusal(password);
        refusal.ifPresent(err::println);
        return refusal.isPresent() ? 1 : 0;
    }

    /** @return why the first admin could not be created with this password, in English and Thai; empty if it could */
    static Optional<String> refusal(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.empty(); // the platform generates one
        }
        List<FieldError> errors = UserRules.newErrors();
        new UserRules(province -> false).password(password, AdminBootstrap.ADMIN, errors);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(VARIABLE + " is refused for the first admin '" + AdminBootstrap.ADMIN + "': "
                + errors.stream().map(e -> e.message().en() + " / " + e.message().th())
                        .collect(Collectors.joining("; ")));
    }
}

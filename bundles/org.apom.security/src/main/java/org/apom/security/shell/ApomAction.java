package org.apom.security.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.Caller;

/**
 * Base of the {@code apom:} commands. The work runs as {@link Caller#shell()}, so every audit entry it writes
 * names the ssh user; a refusal of the platform's ({@link ProblemException}) becomes a {@link CommandException}
 * whose one line Karaf prints, and which makes {@code bin/client "apom:..."} exit non-zero, so a script knows.
 */
public abstract class ApomAction implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            execute(Caller.shell());
            return null;
        } catch (ProblemException refused) {
            throw new CommandException(refusal(refused));
        }
    }

    /**
     * Does the command's work for the shell's user. On failure it throws (a {@link ProblemException} or a
     * {@link CommandException}); it never prints an error and returns, which would exit 0.
     */
    protected abstract void execute(Caller caller) throws Exception;

    /** The refusal in one line: its code, its detail and each field that is wrong. */
    public static String refusal(ProblemException e) {
        StringBuilder line = new StringBuilder(e.status() >= 500 ? "Failed (" : "Refused (").append(e.code())
                .append("): ").append(e.detail().en());
        if (!e.errors().isEmpty()) {
            line.append(' ').append(e.errors().stream().map(f -> f.field() + ": " + f.message().en())
                    .collect(Collectors.joining("; ", "[", "]")));
        }
        return line.toString();
    }

    /** A file named on the command line, which must exist on this server. */
    protected static Path existingFile(String name) throws CommandException {
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new CommandException("No such file: " + name);
        }
        return file;
    }

    /** Every item of a paged list, page after page (the shell lists whole, as Karaf's own commands do). */
    protected static <T> List<T> everyPage(Function<PageRequest, Page<T>> list) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = list.apply(PageRequest.of(PageRequest.MAX_LIMIT, cursor));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}

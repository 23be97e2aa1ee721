package org.apom.extensions.internal.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.extensions.internal.ExtensionInfo;
import org.apom.extensions.internal.SubmissionInfo;
import org.apom.security.api.Caller;

/** What the extension commands share: the caller, reading a jar, printing an extension or a refusal. */
final class ExtensionCommands {

    private ExtensionCommands() {
    }

    static Caller caller() {
        return Caller.shell();
    }

    static InputStream read(String file) throws IOException {
        return Files.newInputStream(Path.of(file));
    }

    static String line(ExtensionInfo e) {
        return String.format("%-40s %-8s %-10s %-10s %-9s %-11s %s", e.symbolicName(), e.province(), e.version(),
                e.previousVersion() == null ? "-" : e.previousVersion(), e.state(), e.trust() == null ? "-" : e.trust(),
                e.lastError() == null ? String.join(", ", e.services()) : "error: " + e.lastError());
    }

    static String line(SubmissionInfo s) {
        return String.format("%-36s %-40s %-8s %-10s %-9s %s%s", s.id(), s.symbolicName(), s.province(), s.version(),
                s.state(), s.submittedBy(), s.reason() == null ? "" : " (" + s.reason() + ")");
    }

    /** Runs a change and prints the extension as it is after it, or why it was refused. */
    static void change(Change change) throws IOException {
        try {
            System.out.println(line(change.apply()));
        } catch (ProblemException e) {
            refused(e);
        }
    }

    /** A change of the manager's, which may read a jar first. */
    interface Change {
        ExtensionInfo apply() throws IOException;
    }

    static void refused(ProblemException e) {
        System.out.println("Refused (" + e.code() + "): " + e.detail().en());
        for (FieldError f : e.errors()) {
            System.out.println("  " + f.field() + ": " + f.message().en());
        }
    }
}

package org.apom.extensions.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.extensions.internal.ExtensionManager;
import org.apom.extensions.internal.SubmissionInfo;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;

/** {@code apom:ext-submissions [ID]}: the jars waiting for review, or one with its manifest changes. */
@Command(scope = "apom", name = "ext-submissions", description = "List extension submissions, or show one")
@Service
public class ExtSubmissionsCommand extends ApomAction {

    @Argument(index = 0, name = "id", required = false, description = "a submission's id: show it with its changes")
    @Completion(SubmissionIdCompleter.class)
    String id;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Reference
    ExtensionManager manager;

    @Override
    protected void execute(Caller caller) {
        if (id == null) {
            ExtensionTables.submissions(manager.reviews().list(caller, null)).print(System.out, !noFormat);
            return;
        }
        SubmissionInfo s = manager.reviews().get(caller, id);
        ExtensionTables.submissions(List.of(s)).print(System.out, !noFormat);
        if (!noFormat) {
            System.out.println("Compared with: " + (s.comparedWith() == null ? "nothing installed or approved"
                    : s.comparedWith()));
        }
        ExtensionTables.changes(s.changes() == null ? List.of() : s.changes()).print(System.out, !noFormat);
    }
}

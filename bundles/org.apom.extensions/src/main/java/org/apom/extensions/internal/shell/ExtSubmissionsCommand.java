package org.apom.extensions.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.core.api.problem.ProblemException;
import org.apom.extensions.internal.ExtensionManager;
import org.apom.extensions.internal.SubmissionInfo;

/** {@code apom:ext-submissions}: the jars waiting for review (or one, with its manifest changes). */
@Command(scope = "apom", name = "ext-submissions", description = "List extension submissions, or show one")
@Service
public class ExtSubmissionsCommand implements Action {

    @Argument(index = 0, name = "id", required = false, description = "a submission's id: show it with its changes")
    private String id;

    @Reference
    private ExtensionManager manager;

    @Override
    public Object execute() throws Exception {
        try {
            if (id == null) {
                manager.reviews().list(ExtensionCommands.caller(), null)
                        .forEach(s -> System.out.println(ExtensionCommands.line(s)));
                return null;
            }
            SubmissionInfo s = manager.reviews().get(ExtensionCommands.caller(), id);
            System.out.println(ExtensionCommands.line(s));
            System.out.println("compared with: " + (s.comparedWith() == null ? "nothing installed or approved"
                    : s.comparedWith()));
            s.changes().forEach(c -> System.out.printf("  %s: %s -> %s%n", c.header(),
                    c.before() == null ? "(none)" : c.before(), c.after() == null ? "(removed)" : c.after()));
        } catch (ProblemException e) {
            ExtensionCommands.refused(e);
        }
        return null;
    }
}

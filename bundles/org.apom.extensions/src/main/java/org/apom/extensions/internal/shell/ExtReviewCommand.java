package org.apom.extensions.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.core.api.problem.ProblemException;
import org.apom.extensions.internal.ExtensionManager;

/** {@code apom:ext-review}: approve or reject a submission, as the REST API (never one's own). */
@Command(scope = "apom", name = "ext-review", description = "Approve or reject an extension submission")
@Service
public class ExtReviewCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "the submission's id")
    private String id;

    @Argument(index = 1, name = "decision", required = true, description = "approve, reject or revoke")
    private String decision;

    @Option(name = "--reason", description = "why (required to reject or revoke)")
    private String reason;

    @Reference
    private ExtensionManager manager;

    @Override
    public Object execute() throws Exception {
        try {
            switch (decision) {
                case "approve" -> System.out.println(ExtensionCommands.line(
                        manager.reviews().approve(ExtensionCommands.caller(), id, reason)));
                case "reject" -> System.out.println(ExtensionCommands.line(
                        manager.reviews().reject(ExtensionCommands.caller(), id, reason)));
                case "revoke" -> System.out.println(ExtensionCommands.line(
                        manager.revoke(ExtensionCommands.caller(), id, reason)));
                default -> System.out.println("The decision is approve, reject or revoke.");
            }
        } catch (ProblemException e) {
            ExtensionCommands.refused(e);
        }
        return null;
    }
}

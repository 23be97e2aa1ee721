package org.apom.extensions.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apom.extensions.internal.ExtensionManager;
import org.apom.extensions.internal.SubmissionInfo;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;

/** {@code apom:ext-review ID approve|reject|revoke}: as the REST API (never one's own submission). */
@Command(scope = "apom", name = "ext-review", description = "Approve or reject an extension submission")
@Service
public class ExtReviewCommand extends ApomAction {

    @Argument(index = 0, name = "id", required = true, description = "the submission's id")
    @Completion(SubmissionIdCompleter.class)
    String id;

    @Argument(index = 1, name = "decision", required = true, description = "approve, reject or revoke")
    @Completion(value = StringsCompleter.class, values = {"approve", "reject", "revoke"})
    String decision;

    @Option(name = "--reason", description = "why (required to reject or revoke)")
    String reason;

    @Reference
    ExtensionManager manager;

    @Override
    protected void execute(Caller caller) throws CommandException {
        SubmissionInfo decided = switch (decision) {
            case "approve" -> manager.reviews().approve(caller, id, reason);
            case "reject" -> manager.reviews().reject(caller, id, reason);
            case "revoke" -> manager.revoke(caller, id, reason);
            default -> throw new CommandException("The decision is approve, reject or revoke, not " + decision + ".");
        };
        ExtensionTables.submissions(List.of(decided)).print(System.out);
    }
}

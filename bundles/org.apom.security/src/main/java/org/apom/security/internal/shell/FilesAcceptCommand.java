package org.apom.security.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.security.api.Caller;
import org.apom.security.internal.files.GuardedFiles;
import org.apom.security.shell.ApomAction;

/**
 * {@code apom:files-accept}: central IT accepts the platform's guarded files as they are now (after changing
 * one on purpose), and health is UP again. Audited.
 */
@Command(scope = "apom", name = "files-accept", description = "Accept the platform's guarded files as they are now")
@Service
public class FilesAcceptCommand extends ApomAction {

    @Reference
    GuardedFiles guarded;

    @Override
    protected void execute(Caller caller) {
        var accepted = guarded.acceptAll(caller);
        System.out.println(accepted.isEmpty() ? "No guarded file changed; " + guarded.files().size() + " checked."
                : "Accepted as they are now: " + String.join(", ", accepted));
    }
}

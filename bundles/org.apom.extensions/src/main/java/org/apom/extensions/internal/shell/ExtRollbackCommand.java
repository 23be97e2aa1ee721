package org.apom.extensions.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.extensions.internal.ExtensionManager;

/** {@code apom:ext-rollback}: as the REST API, for central IT. */
@Command(scope = "apom", name = "ext-rollback", description = "Go back to an extension's previous version")
@Service
public class ExtRollbackCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "the extension's symbolic name")
    private String name;

    @Reference
    private ExtensionManager manager;

    @Override
    public Object execute() throws Exception {
        ExtensionCommands.change(() -> manager.rollback(ExtensionCommands.caller(), name));
        return null;
    }
}

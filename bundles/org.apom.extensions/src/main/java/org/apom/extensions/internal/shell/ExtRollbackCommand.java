package org.apom.extensions.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.extensions.internal.ExtensionManager;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;

/** {@code apom:ext-rollback NAME}: as POST /extensions/{name}/rollback, for central IT. */
@Command(scope = "apom", name = "ext-rollback", description = "Go back to an extension's previous version")
@Service
public class ExtRollbackCommand extends ApomAction {

    @Argument(index = 0, name = "name", required = true, description = "the extension's symbolic name")
    @Completion(ExtensionNameCompleter.class)
    String name;

    @Reference
    ExtensionManager manager;

    @Override
    protected void execute(Caller caller) {
        ExtensionTables.extensions(List.of(manager.rollback(caller, name))).print(System.out);
    }
}

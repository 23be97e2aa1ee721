package org.apom.extensions.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.extensions.internal.ExtensionManager;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;

/** {@code apom:ext-uninstall NAME}: as DELETE /extensions/{name}, for central IT. Audited. */
@Command(scope = "apom", name = "ext-uninstall", description = "Uninstall an extension")
@Service
public class ExtUninstallCommand extends ApomAction {

    @Argument(index = 0, name = "name", required = true, description = "the extension's symbolic name")
    @Completion(ExtensionNameCompleter.class)
    String name;

    @Reference
    ExtensionManager manager;

    @Override
    protected void execute(Caller caller) {
        manager.uninstall(caller, name);
        System.out.println("Uninstalled " + name + ".");
    }
}

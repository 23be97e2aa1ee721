package org.apom.extensions.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.extensions.internal.ExtensionManager;

/** {@code apom:ext-list}: as the REST API, for central IT. */
@Command(scope = "apom", name = "ext-list", description = "List the installed extensions")
@Service
public class ExtListCommand implements Action {

    @Reference
    private ExtensionManager manager;

    @Override
    public Object execute() throws Exception {
        if (manager.developmentMode()) {
            System.out.println("DEVELOPMENT MODE: extensions run without review or signature; never in production.");
        }
        System.out.printf("%-40s %-8s %-10s %-10s %-9s %-11s %s%n", "extension", "province", "version", "previous",
                "state", "trust", "services");
        manager.list(ExtensionCommands.caller()).forEach(e -> System.out.println(ExtensionCommands.line(e)));
        return null;
    }
}

package org.apom.extensions.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.extensions.internal.ExtensionManager;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;

/** {@code apom:ext-list}: as GET /extensions, for central IT; {@code --reconciled} its repairs. */
@Command(scope = "apom", name = "ext-list", description = "List the installed extensions")
@Service
public class ExtListCommand extends ApomAction {

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Option(name = "--reconciled", description = "List the newest repairs of disagreements between this platform's "
            + "bundles and the records instead")
    boolean reconciled;

    @Reference
    ExtensionManager manager;

    @Override
    protected void execute(Caller caller) {
        if (reconciled) {
            ExtensionTables.reconciled(manager.reconciled(caller)).print(System.out, !noFormat);
            return;
        }
        // a script reading --no-format lines gets rows only; each row's trust column says "development" anyway
        if (!noFormat && manager.developmentMode()) {
            System.out.println("DEVELOPMENT MODE: extensions run without review or signature; never in production.");
        }
        ExtensionTables.extensions(manager.list(caller)).print(System.out, !noFormat);
        if (!noFormat && !manager.reconciled(caller).isEmpty()) {
            System.out.println("Disagreements between the bundles and the records were repaired: apom:ext-list --reconciled");
        }
    }
}

package org.apom.extensions.internal.shell;

import java.io.InputStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.extensions.internal.ExtensionManager;

/** {@code apom:ext-update}: as the REST API, for central IT. */
@Command(scope = "apom", name = "ext-update", description = "Swap in a new version of an extension")
@Service
public class ExtUpdateCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "the extension's symbolic name")
    private String name;

    @Argument(index = 1, name = "jar", required = true, description = "the new version's jar, on this server")
    private String jar;

    @Reference
    private ExtensionManager manager;

    @Override
    public Object execute() throws Exception {
        ExtensionCommands.change(() -> {
            try (InputStream in = ExtensionCommands.read(jar)) {
                return manager.update(ExtensionCommands.caller(), name, in);
            }
        });
        return null;
    }
}

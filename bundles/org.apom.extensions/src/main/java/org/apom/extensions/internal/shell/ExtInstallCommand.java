package org.apom.extensions.internal.shell;

import java.io.InputStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.extensions.internal.ExtensionManager;

/** {@code apom:ext-install}: as the REST API, for central IT. */
@Command(scope = "apom", name = "ext-install", description = "Install an extension jar")
@Service
public class ExtInstallCommand implements Action {

    @Argument(index = 0, name = "jar", required = true, description = "the extension jar, on this server")
    private String jar;

    @Reference
    private ExtensionManager manager;

    @Override
    public Object execute() throws Exception {
        ExtensionCommands.change(() -> {
            try (InputStream in = ExtensionCommands.read(jar)) {
                return manager.install(ExtensionCommands.caller(), in);
            }
        });
        return null;
    }
}

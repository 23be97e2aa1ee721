package org.apom.extensions.internal.shell;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apom.extensions.internal.ExtensionManager;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;

/** {@code apom:ext-update NAME JAR}: as PUT /extensions/{name}, for central IT. */
@Command(scope = "apom", name = "ext-update", description = "Swap in a new version of an extension")
@Service
public class ExtUpdateCommand extends ApomAction {

    @Argument(index = 0, name = "name", required = true, description = "the extension's symbolic name")
    @Completion(ExtensionNameCompleter.class)
    String name;

    @Argument(index = 1, name = "jar", required = true, description = "the new version's jar, on this server")
    @Completion(FileCompleter.class)
    String jar;

    @Reference
    ExtensionManager manager;

    @Override
    protected void execute(Caller caller) throws Exception {
        try (InputStream in = Files.newInputStream(existingFile(jar))) {
            ExtensionTables.extensions(List.of(manager.update(caller, name, in))).print(System.out);
        }
    }
}

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

/** {@code apom:ext-install JAR}: as POST /extensions, for central IT. */
@Command(scope = "apom", name = "ext-install", description = "Install an extension jar")
@Service
public class ExtInstallCommand extends ApomAction {

    @Argument(index = 0, name = "jar", required = true, description = "the extension jar, on this server")
    @Completion(FileCompleter.class)
    String jar;

    @Reference
    ExtensionManager manager;

    @Override
    protected void execute(Caller caller) throws Exception {
        try (InputStream in = Files.newInputStream(existingFile(jar))) {
            ExtensionTables.extensions(List.of(manager.install(caller, in))).print(System.out);
        }
    }
}

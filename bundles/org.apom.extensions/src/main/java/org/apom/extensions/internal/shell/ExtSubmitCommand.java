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

/** {@code apom:ext-submit JAR}: submit a jar for review, as POST /extensions/submissions. */
@Command(scope = "apom", name = "ext-submit", description = "Submit an extension jar for review (not installed)")
@Service
public class ExtSubmitCommand extends ApomAction {

    @Argument(index = 0, name = "jar", required = true, description = "the extension jar, on this server")
    @Completion(FileCompleter.class)
    String jar;

    @Reference
    ExtensionManager manager;

    @Override
    protected void execute(Caller caller) throws Exception {
        try (InputStream in = Files.newInputStream(existingFile(jar))) {
            ExtensionTables.submissions(List.of(manager.reviews().submit(caller, in))).print(System.out);
        }
    }
}

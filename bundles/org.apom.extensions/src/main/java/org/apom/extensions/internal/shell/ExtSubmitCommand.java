package org.apom.extensions.internal.shell;

import java.io.InputStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.core.api.problem.ProblemException;
import org.apom.extensions.internal.ExtensionManager;

/** {@code apom:ext-submit}: submit a jar for review, as the REST API. */
@Command(scope = "apom", name = "ext-submit", description = "Submit an extension jar for review (not installed)")
@Service
public class ExtSubmitCommand implements Action {

    @Argument(index = 0, name = "jar", required = true, description = "the extension jar, on this server")
    private String jar;

    @Reference
    private ExtensionManager manager;

    @Override
    public Object execute() throws Exception {
        try (InputStream in = ExtensionCommands.read(jar)) {
            System.out.println(ExtensionCommands.line(manager.reviews().submit(ExtensionCommands.caller(), in)));
        } catch (ProblemException e) {
            ExtensionCommands.refused(e);
        }
        return null;
    }
}

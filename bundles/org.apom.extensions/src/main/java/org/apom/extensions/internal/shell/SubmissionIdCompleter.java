package org.apom.extensions.internal.shell;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.extensions.internal.ExtensionManager;
import org.apom.extensions.internal.SubmissionInfo;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomCompleter;

/** Completes submission ids (which nobody types), each described by its extension, version and state. */
@Service
public class SubmissionIdCompleter extends ApomCompleter {

    @Reference
    ExtensionManager manager;

    @Override
    protected Map<String, String> candidates(Caller caller) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (SubmissionInfo s : manager.reviews().list(caller, null)) {
            ids.put(s.id(), s.symbolicName() + " " + s.version() + ", " + s.state());
        }
        return ids;
    }
}

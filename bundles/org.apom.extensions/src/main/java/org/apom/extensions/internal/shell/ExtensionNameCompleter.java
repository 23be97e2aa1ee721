package org.apom.extensions.internal.shell;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.extensions.internal.ExtensionInfo;
import org.apom.extensions.internal.ExtensionManager;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomCompleter;

/** Completes the symbolic names of the installed extensions, each described by its province and version. */
@Service
public class ExtensionNameCompleter extends ApomCompleter {

    @Reference
    ExtensionManager manager;

    @Override
    protected Map<String, String> candidates(Caller caller) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ExtensionInfo e : manager.list(caller)) {
            names.put(e.symbolicName(), "province " + e.province() + ", " + e.version() + ", " + e.state());
        }
        return names;
    }
}

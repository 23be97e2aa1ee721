package org.apom.registry.internal.shell;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.core.api.PageRequest;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.VolunteerFiles;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomCompleter;

/** Completes the ids of the latest imports, each described by its province, status and start. */
@Service
public class ImportIdCompleter extends ApomCompleter {

    @Reference
    VolunteerFiles files;

    @Override
    protected Map<String, String> candidates(Caller caller) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (ImportReport r : files.imports(caller, PageRequest.of(PageRequest.DEFAULT_LIMIT, null)).items()) {
            ids.put(r.id(), (r.province() == null ? "all provinces" : "province " + r.province()) + ", "
                    + r.status() + ", " + r.createdAt());
        }
        return ids;
    }
}

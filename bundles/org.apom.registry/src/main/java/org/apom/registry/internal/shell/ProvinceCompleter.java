package org.apom.registry.internal.shell;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.areas.api.AreaDirectory;
import org.apom.areas.api.Province;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomCompleter;

/** Completes the 77 province codes, each described by its name, from the area directory. */
@Service
public class ProvinceCompleter extends ApomCompleter {

    @Reference
    AreaDirectory areas;

    @Override
    protected Map<String, String> candidates(Caller caller) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (Province p : areas.provinces()) {
            codes.put(p.code().value(), p.nameEn() + " (" + p.nameTh() + ")");
        }
        return codes;
    }
}

package org.apom.extensions.internal;

import java.util.List;
import java.util.Map;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.extensions.api.ProvinceRegister;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.Caller;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * One {@link ProvinceRegister} per bundle that asks for it, reading as that bundle's {@link ExtensionCaller}: the
 * register itself enforces the province, so an extension of province 50 that searches province 40 finds
 * nothing, and its reads are audited under its name.
 */
@Component(service = ProvinceRegister.class, scope = ServiceScope.BUNDLE)
public final class ScopedProvinceRegister implements ProvinceRegister {

    private final VolunteerRegistry registry;
    private final Caller caller;

    @Activate
    public ScopedProvinceRegister(@Reference VolunteerRegistry registry, ComponentContext context) {
        this(registry, ExtensionCaller.of(context.getUsingBundle()));
    }

    ScopedProvinceRegister(VolunteerRegistry registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    @Override
    public Page<Volunteer> search(VolunteerSearch search, PageRequest page) {
        if (caller == null) {
            return new Page<>(List.of(), null);
        }
        return registry.search(caller, search, page);
    }

    @Override
    public Map<DistrictCode, Map<VolunteerStatus, Long>> countByDistrict(ProvinceCode province) {
        if (caller == null) {
            return Map.of();
        }
        return registry.countByDistrict(caller, province);
    }
}

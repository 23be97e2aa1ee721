package org.apom.extensions.internal;

import java.util.List;
import java.util.function.Supplier;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.extensions.api.DistrictCountsDTO;
import org.apom.extensions.api.ProvinceRegister;
import org.apom.extensions.api.VolunteerDTO;
import org.apom.extensions.api.VolunteerPageDTO;
import org.apom.extensions.api.VolunteerQuery;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerSearch;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * One {@link ProvinceRegister} per bundle that asks for it. It reads as the person whose request the extension
 * serves ({@link ExtensionRequests}), so the register scopes and audits as for that person and personal data is
 * masked unless that person may see it, and within the extension's stored province only: an extension of
 * province 50 that searches province 40 finds nothing, even for a central admin.
 */
@Component(service = ProvinceRegister.class, scope = ServiceScope.BUNDLE)
public final class ScopedProvinceRegister implements ProvinceRegister {

    private final VolunteerRegistry registry;
    private final String province;
    private final Supplier<Caller> requester;

    @Activate
    public ScopedProvinceRegister(@Reference VolunteerRegistry registry, ComponentContext context) {
        this(registry, ExtensionLocation.provinceOf(context.getUsingBundle()), ExtensionRequests::current);
    }

    /** @param province the extension's stored province ({@code *}: every one), {@code null} if it has none */
    ScopedProvinceRegister(VolunteerRegistry registry, String province, Supplier<Caller> requester) {
        this.registry = registry;
        this.province = province;
        this.requester = requester;
    }

    @Override
    public String province() {
        return province;
    }

    @Override
    public VolunteerPageDTO search(VolunteerQuery asked) {
        VolunteerQuery query = asked == null ? new VolunteerQuery() : asked;
        VolunteerPageDTO answer = new VolunteerPageDTO();
        ProvinceCode own = province == null || ExtensionJar.EVERY_PROVINCE.equals(province) ? null
                : ProvinceCode.of(province);
        VolunteerSearch search = SpiTranslation.search(query, own);
        if (province == null || !reaches(search.province())) {
            return answer;
        }
        Caller caller = requester();
        Page<Volunteer> page = registry.search(caller, search, PageRequest.of(query.limit, query.cursor));
        for (Volunteer v : page.items()) {
            VolunteerDTO dto = SpiTranslation.volunteer(v,
                    AccessPolicy.allows(caller, Action.PERSONAL_DATA_READ, v.provinceCode()));
            answer.items.add(dto);
        }
        answer.nextCursor = page.nextCursor();
        return answer;
    }

    @Override
    public List<DistrictCountsDTO> countByDistrict(String provinceCode) {
        ProvinceCode asked = provinceCode == null ? null : SpiTranslation.province(provinceCode);
        if (province == null || asked == null || !reaches(asked)) {
            return List.of();
        }
        return SpiTranslation.counts(registry.countByDistrict(requester(), asked));
    }

    private boolean reaches(ProvinceCode asked) {
        return asked == null || ExtensionJar.EVERY_PROVINCE.equals(province) || province.equals(asked.value());
    }

    private Caller requester() {
        Caller caller = requester.get();
        if (caller == null) {
            // reads happen for a person; an extension's own thread or timer has nobody to read for
            throw new IllegalStateException("ProvinceRegister reads for the person an extension's request serves; "
                    + "call it on the thread of a request to the extension's application");
        }
        return caller;
    }
}

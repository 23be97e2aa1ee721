package org.apom.ext.p50;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.apom.extensions.api.DistrictCountsDTO;
import org.apom.extensions.api.ProvinceRegister;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/ext/50/summary}: Chiang Mai's active volunteers per district, and which edition of this
 * extension answered. Served in province 50's own application, so the platform's login and limits apply.
 */
@Component(service = SummaryResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom-ext-50)")
@Path("summary")
public final class SummaryResource {

    static final String CHIANG_MAI = "50";

    private final ProvinceRegister register;

    @Activate
    public SummaryResource(@Reference ProvinceRegister register) {
        this.register = register;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> summary() {
        Map<String, Long> active = new TreeMap<>();
        for (DistrictCountsDTO district : register.countByDistrict(CHIANG_MAI)) {
            long n = district.byStatus.getOrDefault("ACTIVE", 0L);
            if (n > 0) {
                active.put(district.districtCode, n);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("province", CHIANG_MAI);
        answer.put("version", Edition.VERSION);
        answer.put("activeByDistrict", active);
        if (Edition.atLeast(1, 1)) {
            // new in 1.1.0: the province's total, so a swap shows in the answer
            answer.put("activeTotal", active.values().stream().mapToLong(Long::longValue).sum());
        }
        return answer;
    }
}

package org.apom.itests.ext;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.extensions.api.ProvinceRegister;
import org.apom.extensions.api.VolunteerQuery;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerSearch;
import org.apom.security.api.Caller;

/**
 * The code of a test extension written to break out of its province (packed into a jar by {@code TestJars}): it
 * asks for the core register service, to read with a system caller of its own making, and searches another
 * province through its {@link ProvinceRegister}; it answers what it got.
 */
@Path("probe")
public class ProbeResource {

    private volatile VolunteerRegistry registry;
    private volatile ProvinceRegister register;

    public void setRegistry(VolunteerRegistry registry) {
        this.registry = registry;
    }

    public void unsetRegistry(VolunteerRegistry registry) {
        this.registry = null;
    }

    public void setRegister(ProvinceRegister register) {
        this.register = register;
    }

    @GET
    @Produces("text/plain")
    public String probe(@HeaderParam("Authorization") String authorization) {
        VolunteerRegistry core = registry;
        String direct = core == null ? "hidden"
                : String.valueOf(core.search(Caller.system("probe"), search("40"), PageRequest.of(500, null)).items().size());
        return "authorization=" + (authorization == null ? "hidden" : "seen") + " registry=" + direct
                + " p40=" + register.search(query("40")).items.size()
                + " p40districts=" + register.countByDistrict("40").size()
                + " p50=" + register.search(query("50")).items.size();
    }

    /** An endpoint that fails, as a faulty extension's would. */
    @GET
    @Path("fail")
    public String fail() {
        throw new IllegalStateException("the probe fails on purpose");
    }

    private static VolunteerQuery query(String province) {
        VolunteerQuery query = new VolunteerQuery();
        query.provinceCode = province;
        query.limit = 500;
        return query;
    }

    private static VolunteerSearch search(String province) {
        return new VolunteerSearch(ProvinceCode.of(province), null, null, null, null, null);
    }
}

package org.apom.extensions.internal;

import java.util.List;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

import org.apom.core.api.ApiApplications;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.apom.security.api.CallerPrincipal;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * The gate of the provinces' extension applications, after authentication: only those who may read the
 * province's volunteers reach its extensions (every province's extension, anyone who may read volunteers at
 * all), and while the request is served its caller is the one the extension's {@link ScopedProvinceRegister}
 * reads as, so that what the extension shows is what that person may see, audited under their name.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class},
        property = ExtensionRequests.GATE + "=true")
@JaxrsExtension
// the core application too, where it does nothing: the whiteboard counts an extension that selects no
// application (no province has extensions yet) as not served, and health reports that
@JaxrsApplicationSelect(ApiApplications.EVERY)
@Priority(Priorities.AUTHORIZATION)
public final class ExtensionRequests implements ContainerRequestFilter, ContainerResponseFilter {

    /** The property the provinces' applications require of an extension: none is served without this gate. */
    static final String GATE = "apom.extensions.gate";
    private static final String BASE = "/api/v1/ext/";
    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    @Override
    public void filter(ContainerRequestContext request) {
        CURRENT.remove();
        String base = request.getUriInfo().getBaseUri().getPath();
        if (!base.contains(BASE)) {
            return; // the core application
        }
        String province = provinceOf(base);
        Caller caller = request.getSecurityContext().getUserPrincipal() instanceof CallerPrincipal p ? p.caller()
                : null;
        if (caller == null || !mayRead(caller, province)) {
            throw new ProblemException(403, "forbidden", LocalizedText.of(
                    "Only those who may read this province's volunteers use its extensions.",
                    "เฉพาะผู้มีสิทธิ์อ่านข้อมูลอาสาสมัครของจังหวัดนี้ใช้ส่วนขยายของจังหวัดได้"), List.of());
        }
        CURRENT.set(caller);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CURRENT.remove();
    }

    /** The person (or token) whose request this thread serves in an extension application; {@code null} if none. */
    static Caller current() {
        return CURRENT.get();
    }

    static boolean mayRead(Caller caller, String province) {
        if (province == null) {
            return false;
        }
        return ExtensionJar.EVERY_PROVINCE.equals(province)
                ? AccessPolicy.reach(caller, Action.VOLUNTEERS_READ) != org.apom.security.api.Reach.NONE
                : AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, ProvinceCode.of(province));
    }

    /** {@code /api/v1/ext/50/} is province 50's application, {@code /api/v1/ext/all/} every province's. */
    static String provinceOf(String basePath) {
        int at = basePath.indexOf(BASE);
        if (at < 0) {
            return null;
        }
        String segment = basePath.substring(at + BASE.length()).replace("/", "");
        if ("all".equals(segment)) {
            return ExtensionJar.EVERY_PROVINCE;
        }
        return segment.matches("[0-9]{2}") ? segment : null;
    }
}

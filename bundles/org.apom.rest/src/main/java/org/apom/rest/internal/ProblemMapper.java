package org.apom.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.apom.core.api.problem.TransientFailures;
import org.apom.core.api.ApiApplications;
import org.apom.core.api.problem.ProblemException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where a failure becomes an HTTP answer: {@code application/problem+json}, Thai or English. */
@Component(service = javax.ws.rs.ext.ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.EVERY)
@JSONRequired
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** RFC 7235: a 401 says how to authenticate. */
    static final String CHALLENGE = "Basic realm=\"apom\", charset=\"UTF-8\"";
    private static final String EXTENSIONS_PATH = "/" + ApomApplication.BASE + "/ext/";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    /** Headers of the runtime's own answer that the client still needs (405 Allow, 401 challenge, 429 wait). */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE,
            "Retry-After");

    /** Where the methods an address accepts come from; without it, the runtime's own list. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AddressMethods methods;
    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        String incident = Problems.newIncidentId();
        String path = path();
        boolean extension = path != null && path.startsWith(EXTENSIONS_PATH);
        Problem problem = Problems.from(failure, incident, extension);
        SortedSet<String> allowed = problem.status() == 405 ? allowed(failure, extension) : null;
        if (allowed != null) {
            problem = Problems.methodNotAllowed(allowed);
        }
        if (TransientFailures.clientGone(failure)) {
            // nobody is left to answer, and nothing went wrong on our side
            LOG.debug("{}: the client went away before its answer was written", path);
        } else if (problem.status() == 503) {
            LOG.warn("{} answered 503 {}: {}", path, problem.code(), rootCause(failure));
        } else if (problem.status() >= 500) {
            LOG.error("Incident {}: request {} failed", incident, path, failure);
        } else {
            LOG.debug("{} answered {} {}", path, problem.status(), problem.code());
        }
        Locale locale = language();
        Response.ResponseBuilder answer = Response.status(problem.status())
                .type(PROBLEM_JSON)
                .language(locale)
                .entity(problem.toJson(locale, path));
        if (allowed != null) {
            answer.header(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
        if (failure instanceof WebApplicationException w && w.getResponse() != null) {
            for (String header : KEPT_HEADERS) {
                if (allowed != null && header.equals(HttpHeaders.ALLOW)) {
                    continue;
                }
                Object value = w.getResponse().getHeaders().getFirst(header);
                if (value != null) {
                    answer.header(header, value);
                }
            }
        }
        if (failure instanceof ProblemException p && p.retryAfterSeconds() != null) {
            answer.header("Retry-After", p.retryAfterSeconds());
        } else if (problem.status() == 503) {
            answer.header("Retry-After", TransientFailures.RETRY_AFTER_SECONDS);
        }
        Response response = answer.build();
        if (problem.status() == 401 && !response.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)) {
            response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response;
    }

    /**
     * The methods the request's address accepts: the core application's, from what the runtime serves; an
     * extension application's, as the runtime said (they are the extension's alone). {@code null}: as the runtime
     * said, joined into one header.
     */
    private SortedSet<String> allowed(Throwable failure, boolean extension) {
        AddressMethods served = methods;
        SortedSet<String> allowed = null;
        if (!extension && served != null && uriInfo != null) {
            try {
                allowed = served.at(uriInfo.getPath(false));
            } catch (RuntimeException outsideARequest) {
                LOG.debug("No resource methods to name in a 405", outsideARequest);
            }
        }
        if ((allowed == null || allowed.isEmpty()) && failure instanceof WebApplicationException w
                && w.getResponse() != null) {
            allowed = new TreeSet<>(w.getResponse().getAllowedMethods());
        }
        return allowed == null || allowed.isEmpty() ? null : allowed;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** A malformed Accept-Language must not turn an error answer into another error. */
    private Locale language() {
        try {
            return Languages.choose(headers == null ? List.of() : headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Locale.ENGLISH;
        }
    }

    private String path() {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}

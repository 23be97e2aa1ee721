package org.apom.security.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;

import org.apom.core.api.ApiApplications;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.metatype.annotations.Designate;

/**
 * After authentication: each caller gets a generous number of requests a minute (then 429 with
 * Retry-After), and no request body may be larger than the limit (413), whether it says its length or not.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "org.apom.security.limits", scope = ServiceScope.PROTOTYPE)
@Designate(ocd = LimitsConfig.class)
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.EVERY)
@Priority(Priorities.AUTHORIZATION)
public final class RequestLimitsFilter implements ContainerRequestFilter {

    private final RateLimiter limiter;
    private final long maxBodyBytes;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public RequestLimitsFilter(LimitsConfig config) {
        this.limiter = new RateLimiter(config.requestsPerMinute(), Clock.systemUTC());
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        long wait = limiter.acquire(identity(request));
        if (wait > 0) {
            throw new ProblemException(429, "rate-limited", LocalizedText.of(
                    "Too many requests; try again in " + wait + " s.",
                    "ส่งคำขอถี่เกินไป กรุณาลองใหม่ในอีก " + wait + " วินาที"), List.of(), wait);
        }
        if (request.getLength() > maxBodyBytes) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), maxBodyBytes));
        }
    }

    private String identity(ContainerRequestContext request) {
        if (request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() != null) {
            return request.getSecurityContext().getAuthenticationScheme() + ":"
                    + request.getSecurityContext().getUserPrincipal().getName();
        }
        // the same key as the login limits: an IPv6 client by its /64
        return "address:" + (servletRequest == null ? "unknown" : AddressBlock.of(servletRequest.getRemoteAddr()));
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "body-too-large", LocalizedText.of(
                "The request body is larger than " + maxBodyBytes + " bytes.",
                "ข้อมูลที่ส่งมีขนาดเกิน " + maxBodyBytes + " ไบต์"), List.of());
    }

    /** Counts what is read and stops at the limit, for bodies sent without a length. */
    private final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
        }
    }
}

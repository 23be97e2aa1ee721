package org.apom.metrics.internal;

import static org.apom.security.api.CallerPrincipal.callerOf;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.apom.core.api.ApiApplications;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * This node's metrics for Prometheus, for central admins and national tokens with the scope
 * {@code metrics:read} (a scrape token). Its refusals are problem+json like every other answer, hence
 * {@code @JSONRequired}.
 */
@Component(service = MetricsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + ApiApplications.CORE + ")")
@JSONRequired
@Path("metrics")
@Tag(name = "platform", description = "Health and description of the platform")
@SecurityRequirement(name = "basicAuth")
public final class MetricsResource {

    private final ApomMetrics metrics;

    @Activate
    public MetricsResource(@Reference ApomMetrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getMetrics",
            summary = "This node's metrics in the Prometheus text format (central admins, or a token without a "
            + "province that carries the scope metrics:read)",
            description = "http_server_requests_seconds (histogram by method, route template and status; "
                    + "route UNMATCHED when no operation matched), apom_db_pool_*, apom_audit_entries_waiting, "
                    + "apom_audit_oldest_waiting_seconds, apom_imports_running, apom_imports_queued. Counts and "
                    + "timings only; each node answers for itself.")
    @ApiResponse(responseCode = "200", description = "Prometheus text format 0.0.4",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    public Response metrics(@Context SecurityContext security) {
        requireMetricsRead(callerOf(security.getUserPrincipal()));
        StreamingOutput body = metrics::writeTo;
        return Response.ok(body).type(ApomMetrics.CONTENT_TYPE).header("Cache-Control", "no-store").build();
    }

    /** @throws org.apom.core.api.problem.ProblemException 403 unless the caller may read the metrics */
    static void requireMetricsRead(Caller caller) {
        AccessPolicy.requireAny(caller, Action.METRICS_READ);
    }
}

package org.apom.registry.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.CheckRun;
import org.apom.registry.api.ContributedChecks;
import org.apom.registry.api.ProvinceQuality;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /data-quality?province=}: how complete and current each province's register is, and, for one
 * province, what its own checks (contributed by its extensions) found.
 */
@Component(service = DataQualityResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("data-quality")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "volunteers")
@SecurityRequirement(name = "basicAuth")
public final class DataQualityResource {

    private final VolunteerRegistry registry;

    /** One province's figures as the API shows them. */
    public record ProvinceQualityJson(String province, long records, Map<String, Long> byStatus,
            double completePercent, double verifiedWithin12MonthsPercent, long suspectedDuplicates,
            @Schema(nullable = true, description = "null unless a province was asked for")
            List<CheckRunJson> checks) {

        static ProvinceQualityJson of(ProvinceQuality q, List<CheckRun> checks) {
            Map<String, Long> byStatus = new TreeMap<>();
            q.byStatus().forEach((status, n) -> byStatus.put(status.name(), n));
            return new ProvinceQualityJson(q.province().value(), q.records(), byStatus, q.completePercent(),
                    q.verifiedWithin12MonthsPercent(), q.suspectedDuplicates(),
                    checks == null ? null : checks.stream().map(CheckRunJson::of).toList());
        }
    }

    /** The provinces' own checks (their extensions'), when any is installed; they come and go while we serve. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ContributedChecks contributed;

    @Activate
    public DataQualityResource(@Reference VolunteerRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(operationId = "getDataQuality",
            summary = "Per province: records by status, % complete (phone and address), % verified within "
            + "12 months, suspected duplicate groups; with a province, the findings of its own checks (extensions)")
    @ApiResponse(responseCode = "200", description = "The provinces you may see", useReturnTypeSchema = true)
    public Page<ProvinceQualityJson> quality(@QueryParam("province") String province,
            @Context SecurityContext security) {
        ProvinceCode only = province == null || province.isBlank() ? null
                : ProblemException.parameter("province", province, ProvinceCode::of);
        Caller caller = callerOf(security.getUserPrincipal());
        ContributedChecks checks = contributed;
        return Page.complete(registry.dataQuality(caller, only).stream().map(q -> ProvinceQualityJson.of(q,
                only == null ? null : checks == null ? List.of() : checks.runOver(caller, q.province()))).toList());
    }
}

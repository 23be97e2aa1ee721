package org.apom.tiering.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.tiering.api.Assessment;
import org.apom.tiering.api.Tier;
import org.apom.tiering.api.TierOverride;
import org.apom.tiering.api.Tiering;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A network's grades over HTTP, and central admins' overrides. */
@Component(service = AssessmentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("networks/{id}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tiering")
@SecurityRequirement(name = "basicAuth")
public final class AssessmentsResource {

    private final Tiering tiering;

    @Activate
    public AssessmentsResource(@Reference Tiering tiering) {
        this.tiering = tiering;
    }

    @GET
    @Operation(operationId = "listAssessments", summary = "The network's assessments (of one fiscal year, or all), "
            + "newest first: tier, score, and each criterion's part and why; current marks the one in force, with "
            + "a central admin's override beside it. Answered whole")
    @ApiResponse(responseCode = "200", description = "The assessments", useReturnTypeSchema = true)
    public Page<Assessment> assessments(@PathParam("id") String id, @QueryParam("fiscalYear") String fiscalYear,
            @Context SecurityContext security) {
        FiscalYear year = fiscalYear == null || fiscalYear.isBlank() ? null : TieringResource.yearOrNow(fiscalYear);
        return Page.complete(tiering.assessments(callerOf(security.getUserPrincipal()), id, year));
    }

    @POST
    @Path("overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "overrideTier", summary = "Set the network's tier for a fiscal year, with a reason "
            + "(central admins); shown beside the computed tier, never instead of it")
    @ApiResponse(responseCode = "201", headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Set", content = @Content(schema = @Schema(implementation = TierOverride.class)))
    public Response override(@PathParam("id") String id, OverrideRequest request, @Context SecurityContext security,
            @Context UriInfo uri) {
        OverrideRequest body = Requests.body(request);
        FiscalYear year = null;
        Tier tier = null;
        try {
            year = body.fiscalYear() == null ? null : FiscalYear.of(body.fiscalYear());
        } catch (InvalidValueException e) {
            throw ProblemException.invalid(List.of(FieldError.of("fiscalYear", e)));
        }
        if (year == null) {
            throw ProblemException.invalid(List.of(new FieldError("fiscalYear", "required", LocalizedText.of(
                    "Name the fiscal year.", "ต้องระบุปีงบประมาณ"))));
        }
        if (body.tier() != null) {
            try {
                tier = Tier.valueOf(body.tier().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                tier = null;
            }
        }
        TierOverride set = tiering.override(callerOf(security.getUserPrincipal()), id, year, tier, body.reason());
        return Response.created(uri.getBaseUriBuilder().path("networks").path(id).path("assessments")
                .queryParam("fiscalYear", year.buddhistYear()).build()).entity(set).build();
    }
}

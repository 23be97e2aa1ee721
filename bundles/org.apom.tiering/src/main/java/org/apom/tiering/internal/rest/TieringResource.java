package org.apom.tiering.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.tiering.api.CriterionInfo;
import org.apom.tiering.api.TierCounts;
import org.apom.tiering.api.TierRun;
import org.apom.tiering.api.Tiering;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The grading over HTTP: criteria in force, runs, and the tiers at a glance. */
@Component(service = TieringResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("tiering")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tiering", description = "The A/B/C grading of networks each fiscal year, explained")
@SecurityRequirement(name = "basicAuth")
public final class TieringResource {

    private final Tiering tiering;

    @Activate
    public TieringResource(@Reference Tiering tiering) {
        this.tiering = tiering;
    }

    @GET
    @Path("criteria")
    @Operation(operationId = "listCriteria", summary = "The criteria in force, core and provincial, with their "
            + "weights in the fiscal year (this one when left out), answered whole")
    @ApiResponse(responseCode = "200", description = "The criteria", useReturnTypeSchema = true)
    public Page<CriterionInfo> criteria(@QueryParam("fiscalYear") String fiscalYear,
            @Context SecurityContext security) {
        return Page.complete(tiering.criteria(callerOf(security.getUserPrincipal()), yearOrNow(fiscalYear)));
    }

    @POST
    @Path("runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startTierRun", summary = "Grade every network of a province (or, central admins, of "
            + "the country) for a fiscal year, in the background; 202 with the run's URL")
    @ApiResponse(responseCode = "202", headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Queued", content = @Content(schema = @Schema(implementation = TierRun.class)))
    public Response start(RunRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        RunRequest body = Requests.body(request);
        if (body.fiscalYear() == null) {
            throw ProblemException.invalid(List.of(new FieldError("fiscalYear", "required", LocalizedText.of(
                    "Name the fiscal year (Buddhist era).", "ต้องระบุปีงบประมาณ (พ.ศ.)"))));
        }
        FiscalYear year;
        ProvinceCode province;
        try {
            year = FiscalYear.of(body.fiscalYear());
        } catch (InvalidValueException e) {
            throw ProblemException.invalid(List.of(FieldError.of("fiscalYear", e)));
        }
        try {
            province = body.province() == null || body.province().isBlank() ? null : ProvinceCode.of(body.province());
        } catch (InvalidValueException e) {
            throw ProblemException.invalid(List.of(FieldError.of("province", e)));
        }
        TierRun run = tiering.start(callerOf(security.getUserPrincipal()), year, province);
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.id()).build()).build();
    }

    @GET
    @Path("runs")
    @Operation(operationId = "listTierRuns", summary = "The runs of a fiscal year you may read, newest first (the "
            + "latest 500), answered whole")
    @ApiResponse(responseCode = "200", description = "The runs", useReturnTypeSchema = true)
    public Page<TierRun> runs(@QueryParam("fiscalYear") String fiscalYear, @Context SecurityContext security) {
        return Page.complete(tiering.runs(callerOf(security.getUserPrincipal()), yearOrNow(fiscalYear)));
    }

    @GET
    @Path("runs/{id}")
    @Operation(operationId = "getTierRun", summary = "A run and how far it has come (done of total)")
    @ApiResponse(responseCode = "200", description = "The run",
            content = @Content(schema = @Schema(implementation = TierRun.class)))
    public TierRun run(@PathParam("id") String id, @Context SecurityContext security) {
        return tiering.run(callerOf(security.getUserPrincipal()), id);
    }

    @GET
    @Path("summary")
    @Operation(operationId = "getTierSummary", summary = "Networks in tiers A, B and C by province, by their current "
            + "assessments, with the country's total (province null) when no province is asked for")
    @ApiResponse(responseCode = "200", description = "The counts", useReturnTypeSchema = true)
    public Page<TierCounts> summary(@QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "one province") @QueryParam("province") String province,
            @Context SecurityContext security) {
        ProvinceCode only = province == null || province.isBlank() ? null
                : ProblemException.parameter("province", province.strip(), ProvinceCode::of);
        return Page.complete(tiering.summary(callerOf(security.getUserPrincipal()), yearOrNow(fiscalYear), only));
    }

    /** The fiscal year named, or the one under way in Thailand. */
    static FiscalYear yearOrNow(String text) {
        if (text == null || text.isBlank()) {
            return FiscalYear.of(LocalDate.now(ZoneId.of("Asia/Bangkok")));
        }
        return ProblemException.parameter("fiscalYear", text.strip(), t -> {
            try {
                return FiscalYear.of(Integer.parseInt(t));
            } catch (NumberFormatException e) {
                String now = FiscalYear.of(LocalDate.now(ZoneId.of("Asia/Bangkok"))).toString();
                throw new InvalidValueException("format", LocalizedText.of("fiscalYear is a Buddhist-era year ("
                        + now + " is this one).", "fiscalYear ต้องเป็นปี พ.ศ. (ปีงบประมาณนี้คือ " + now + ")"));
            }
        });
    }
}

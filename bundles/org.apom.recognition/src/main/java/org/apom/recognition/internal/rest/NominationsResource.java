package org.apom.recognition.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

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

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.recognition.api.NominationInput;
import org.apom.recognition.api.NominationQuery;
import org.apom.recognition.api.NominationStatus;
import org.apom.recognition.api.Nominations;
import org.apom.recognition.api.TransitionInput;
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

/** Nominations over HTTP: drafting, the workflow's transitions, lists and the pipeline at a glance. */
@Component(service = NominationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("nominations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recognition")
@SecurityRequirement(name = "basicAuth")
public final class NominationsResource {

    private final Nominations nominations;

    @Activate
    public NominationsResource(@Reference Nominations nominations) {
        this.nominations = nominations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "draftNomination", summary = "Draft a nomination of a volunteer for an award in a fiscal "
            + "year (this one or the next), after checking eligibility; a graded award's class is the volunteer's "
            + "next when left out")
    @ApiResponse(responseCode = "201", headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Drafted", content = @Content(schema = @Schema(implementation = NominationJson.class)))
    public Response draft(NewNominationJson body, @Context SecurityContext security, @Context UriInfo uri) {
        NewNominationJson n = Requests.body(body);
        NominationJson drafted = NominationJson.of(nominations.draft(callerOf(security.getUserPrincipal()),
                new NominationInput(n.awardCode(), n.volunteerId(), n.fiscalYear() == null ? null
                        : n.fiscalYear().toString(), n.awardClass(), n.justification())));
        return Response.status(Response.Status.CREATED).entity(drafted)
                .location(uri.getAbsolutePathBuilder().path(drafted.id()).build()).build();
    }

    @GET
    @Operation(operationId = "listNominations", summary = "Nominations you may read, newest first, a page at a time")
    @ApiResponse(responseCode = "200", description = "A page of nominations", useReturnTypeSchema = true)
    public Page<NominationJson> list(@Parameter(description = "Buddhist-era fiscal year")
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "one province") @QueryParam("province") String province,
            @Parameter(description = "one state, e.g. SUBMITTED") @QueryParam("status") String status,
            @Parameter(description = "one award") @QueryParam("awardCode") String awardCode,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        NominationQuery query = new NominationQuery(fiscalYear == null || fiscalYear.isBlank() ? null
                : Years.orNow(fiscalYear), province(province), status(status),
                awardCode == null || awardCode.isBlank() ? null
                        : ProblemException.parameter("awardCode", awardCode.strip(), NominationsResource::code));
        return nominations.search(callerOf(security.getUserPrincipal()), query, Requests.page(limit, cursor))
                .map(NominationJson::of);
    }

    @GET
    @Path("summary")
    @Operation(operationId = "getNominationSummary", summary = "Each province's quota use and pipeline (nominations "
            + "in each state) per award in the fiscal year (this one when left out). Answered whole")
    @ApiResponse(responseCode = "200", description = "The pipeline", useReturnTypeSchema = true)
    public Page<PipelineJson> summary(@Parameter(description = "Buddhist-era fiscal year")
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "one province") @QueryParam("province") String province,
            @Context SecurityContext security) {
        return Page.complete(nominations.summary(callerOf(security.getUserPrincipal()), Years.orNow(fiscalYear),
                province(province)).stream().map(PipelineJson::of).toList());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getNomination", summary = "A nomination with every move: who, when and why")
    @ApiResponse(responseCode = "200", description = "The nomination", useReturnTypeSchema = true)
    public NominationJson get(@PathParam("id") String id, @Context SecurityContext security) {
        return NominationJson.of(nominations.get(callerOf(security.getUserPrincipal()), id));
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "moveNomination", summary = "Move the nomination on: submit and endorse (province "
            + "admins), approve, confer and reject once endorsed (central admins), reject before (province admins), "
            + "withdraw while open; 409 when the state does not allow it, 403 when your role may not")
    @ApiResponse(responseCode = "200", description = "The nomination after the move", useReturnTypeSchema = true)
    public NominationJson move(@PathParam("id") String id, TransitionJson body, @Context SecurityContext security) {
        TransitionJson t = Requests.body(body);
        return NominationJson.of(nominations.transition(callerOf(security.getUserPrincipal()), id,
                new TransitionInput(t.action(), t.comment(), t.conferredOn(), t.gazetteReference())));
    }

    static ProvinceCode province(String province) {
        return province == null || province.isBlank() ? null
                : ProblemException.parameter("province", province.strip(), ProvinceCode::of);
    }

    private static String code(String code) {
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new InvalidValueException("format", LocalizedText.of("An award code is capital letters, digits and "
                    + "underscores, e.g. HONOUR_PIN.", "รหัสรางวัลประกอบด้วยอักษรภาษาอังกฤษตัวใหญ่ ตัวเลข และ _"));
        }
        return code;
    }

    static NominationStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return ProblemException.parameter("status", status.strip(), s -> {
            try {
                return NominationStatus.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("format", LocalizedText.of("status is one of DRAFT, SUBMITTED, "
                        + "ENDORSED, APPROVED, CONFERRED, REJECTED, WITHDRAWN.", "status ต้องเป็น DRAFT, SUBMITTED, "
                        + "ENDORSED, APPROVED, CONFERRED, REJECTED หรือ WITHDRAWN"));
            }
        });
    }
}

package org.apom.registry.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

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

import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.registry.api.Transfer;
import org.apom.registry.api.VolunteerTransfers;
import org.apom.security.api.Caller;
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

/** Volunteers who move to another province: requests, decisions, and the lists of a province's requests. */
@Component(service = TransfersResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("volunteers/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "volunteers")
@SecurityRequirement(name = "basicAuth")
public final class TransfersResource {

    private final VolunteerTransfers transfers;

    @Activate
    public TransfersResource(@Reference VolunteerTransfers transfers) {
        this.transfers = transfers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestTransfer",
            summary = "Ask for a volunteer's record to move into your province (by national ID, with the new"
            + " subdistrict and a reason); counts as a national-ID probe")
    @ApiResponse(responseCode = "201",
            headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Requested; Location names the request",
            content = @Content(schema = @Schema(implementation = TransferJson.class)))
    public Response request(TransferAsk ask, @Context SecurityContext security, @Context UriInfo uri) {
        Requests.body(ask);
        Transfer t = transfers.request(callerOf(security.getUserPrincipal()), ask.nationalId(), ask.subdistrictCode(),
                ask.reason());
        return Response.created(uri.getAbsolutePathBuilder().path(t.id()).build()).entity(TransferJson.of(t)).build();
    }

    @GET
    @Operation(operationId = "listTransfers",
            summary = "The latest transfer requests (at most 500) into and out of the province")
    @ApiResponse(responseCode = "200", description = "The requests, newest first", useReturnTypeSchema = true)
    public Page<TransferJson> list(@QueryParam("province") String province, @Context SecurityContext security) {
        ProvinceCode code = province == null || province.isBlank() ? null
                : ProblemException.parameter("province", province, ProvinceCode::of);
        return new Page<>(transfers.list(callerOf(security.getUserPrincipal()), code).stream()
                .map(TransferJson::of).toList(), null);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTransfer", summary = "One transfer request")
    @ApiResponse(responseCode = "200", description = "The request",
            content = @Content(schema = @Schema(implementation = TransferJson.class)))
    public TransferJson get(@PathParam("id") String id, @Context SecurityContext security) {
        return TransferJson.of(transfers.get(callerOf(security.getUserPrincipal()), id));
    }

    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideTransfer",
            summary = "Approve (the record moves, keeping its id and history) or reject with a reason;"
            + " 409 when decided already")
    @ApiResponse(responseCode = "200", description = "The decided request",
            content = @Content(schema = @Schema(implementation = TransferJson.class)))
    public TransferJson decide(@PathParam("id") String id, TransferDecision decision,
            @Context SecurityContext security) {
        Requests.body(decision);
        if (decision.approve() == null) {
            throw ProblemException.invalid(List.of(new FieldError("approve", "required", LocalizedText.of(
                    "approve is true (the record moves) or false (rejected, with a reason).",
                    "ต้องระบุ approve เป็น true (อนุมัติ) หรือ false (ปฏิเสธ พร้อมเหตุผล)"))));
        }
        Caller caller = callerOf(security.getUserPrincipal());
        return TransferJson.of(transfers.decide(caller, id, decision.approve(), decision.reason()));
    }
}

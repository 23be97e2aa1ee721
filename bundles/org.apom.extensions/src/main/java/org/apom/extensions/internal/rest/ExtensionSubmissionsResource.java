package org.apom.extensions.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.io.IOException;
import java.io.InputStream;
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
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.extensions.internal.ExtensionManager;
import org.apom.extensions.internal.SubmissionInfo;
import org.apom.extensions.internal.jpa.SubmissionEntity.State;
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

/** The review of extension jars before they may run (docs/extensions.md, review). */
@Component(service = ExtensionSubmissionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("extensions/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "extensions", description = "Provinces' own bundles, installed and swapped while the platform serves")
@SecurityRequirement(name = "basicAuth")
public final class ExtensionSubmissionsResource {

    private static final String JAR = "application/java-archive";

    private final ExtensionManager manager;

    @Activate
    public ExtensionSubmissionsResource(@Reference ExtensionManager manager) {
        this.manager = manager;
    }

    @POST
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "submitExtension",
            summary = "Submit a jar for review: checked against the rules and stored, not installed")
    @ApiResponse(responseCode = "201",
            headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Submitted; Location names it",
            content = @Content(schema = @Schema(implementation = SubmissionInfo.class)))
    public Response submit(InputStream jar, @Context SecurityContext security, @Context UriInfo uri)
            throws IOException {
        SubmissionInfo submitted = manager.reviews().submit(callerOf(security.getUserPrincipal()), jar);
        return Response.created(uri.getAbsolutePathBuilder().path(submitted.id()).build()).entity(submitted).build();
    }

    @GET
    @Operation(operationId = "listExtensionSubmissions",
            summary = "Submissions, newest first: a reviewer's of every province, a province admin's own")
    @ApiResponse(responseCode = "200", description = "The submissions", useReturnTypeSchema = true)
    public Page<SubmissionInfo> list(@QueryParam("state") String state, @Context SecurityContext security) {
        return Page.complete(manager.reviews().list(callerOf(security.getUserPrincipal()), state(state)));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getExtensionSubmission",
            summary = "One submission with its manifest and how it differs from the version it would replace")
    @ApiResponse(responseCode = "200", description = "The submission", useReturnTypeSchema = true)
    public SubmissionInfo get(@PathParam("id") String id, @Context SecurityContext security) {
        return manager.reviews().get(callerOf(security.getUserPrincipal()), id);
    }

    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveExtensionSubmission",
            summary = "Approve a submission (central reviewers; never one's own): its jar may then run")
    @ApiResponse(responseCode = "200", description = "Approved", useReturnTypeSchema = true)
    public SubmissionInfo approve(@PathParam("id") String id, ReviewDecision decision,
            @Context SecurityContext security) {
        return manager.reviews().approve(callerOf(security.getUserPrincipal()), id,
                decision == null ? null : decision.reason());
    }

    @POST
    @Path("{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectExtensionSubmission",
            summary = "Reject a submission with a reason (central reviewers)")
    @ApiResponse(responseCode = "200", description = "Rejected", useReturnTypeSchema = true)
    public SubmissionInfo reject(@PathParam("id") String id, ReviewDecision decision,
            @Context SecurityContext security) {
        return manager.reviews().reject(callerOf(security.getUserPrincipal()), id,
                decision == null ? null : decision.reason());
    }

    @POST
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeExtensionSubmission",
            summary = "Withdraw an approval with a reason (central admins): the jar stops where it runs")
    @ApiResponse(responseCode = "200", description = "Revoked", useReturnTypeSchema = true)
    public SubmissionInfo revoke(@PathParam("id") String id, ReviewDecision decision,
            @Context SecurityContext security) {
        return manager.revoke(callerOf(security.getUserPrincipal()), id, decision == null ? null : decision.reason());
    }

    private static State state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return State.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "invalid-parameter", LocalizedText.of("The parameter 'state' is not valid.",
                    "พารามิเตอร์ 'state' ไม่ถูกต้อง"), List.of(new FieldError("state", "unknown-state", LocalizedText.of(
                            "state is SUBMITTED, APPROVED, REJECTED or REVOKED.",
                            "state ต้องเป็น SUBMITTED, APPROVED, REJECTED หรือ REVOKED"))));
        }
    }
}

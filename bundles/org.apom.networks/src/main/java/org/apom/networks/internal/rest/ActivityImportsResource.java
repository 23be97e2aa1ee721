package org.apom.networks.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.io.IOException;
import java.io.InputStream;

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
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.ActivityImport;
import org.apom.networks.api.ActivityImports;
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
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A network's activities as spreadsheets. */
@Component(service = ActivityImportsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("networks/{id}/activities/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "networks")
@SecurityRequirement(name = "basicAuth")
public final class ActivityImportsResource {

    private final ActivityImports imports;

    @Activate
    public ActivityImportsResource(@Reference ActivityImports imports) {
        this.imports = imports;
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importActivities", summary = "Import a CSV of the network's activities (columns date, "
            + "kind, title, participants, beneficiaries, hours; UTF-8 or TIS-620); 202 with the import's URL",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = "string", format = "binary"))}))
    @ApiResponse(responseCode = "202", headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Queued; Location follows the import",
            content = @Content(schema = @Schema(implementation = ActivityImportJson.class)))
    public Response start(@PathParam("id") String id, InputStream body, @QueryParam("dryRun") String dryRun,
            @Context SecurityContext security, @Context UriInfo uri) throws IOException {
        boolean dry = dryRun != null && !dryRun.isBlank() && ProblemException.parameter("dryRun", dryRun.strip(),
                t -> switch (t) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new InvalidValueException("boolean", LocalizedText.of("dryRun is true or false.",
                            "dryRun ต้องเป็น true หรือ false"));
                });
        ActivityImport started = imports.start(callerOf(security.getUserPrincipal()), id, body.readAllBytes(), dry);
        return Response.accepted(ActivityImportJson.of(started))
                .location(uri.getAbsolutePathBuilder().path(started.id()).build()).build();
    }

    @GET
    @Path("{importId}")
    @Operation(operationId = "getActivityImport", summary = "An activity import: progress, and every rejected row "
            + "with its line, column and reason")
    @ApiResponse(responseCode = "200", description = "The import",
            content = @Content(schema = @Schema(implementation = ActivityImportJson.class)))
    public ActivityImportJson get(@PathParam("id") String id, @PathParam("importId") String importId,
            @Context SecurityContext security) {
        return ActivityImportJson.of(imports.get(callerOf(security.getUserPrincipal()), id, importId));
    }
}

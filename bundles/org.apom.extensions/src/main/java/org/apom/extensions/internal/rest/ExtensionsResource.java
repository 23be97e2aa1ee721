package org.apom.extensions.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.apom.core.api.problem.Requests;
import org.apom.extensions.internal.ExtensionInfo;
import org.apom.extensions.internal.ExtensionList;
import org.apom.extensions.internal.ExtensionManager;
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

/** Provinces' extension bundles: the jar is the body ({@code application/java-archive}). */
@Component(service = ExtensionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("extensions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "extensions", description = "Provinces' own bundles, installed and swapped while the platform serves")
@SecurityRequirement(name = "basicAuth")
public final class ExtensionsResource {

    private static final String JAR = "application/java-archive";

    private final ExtensionManager manager;

    @Activate
    public ExtensionsResource(@Reference ExtensionManager manager) {
        this.manager = manager;
    }

    @GET
    @Operation(operationId = "listExtensions",
            summary = "Installed extensions the caller manages: version, state, province, services, last error; and "
                    + "the newest repairs where a node's bundles and the records disagreed")
    @ApiResponse(responseCode = "200", description = "The extensions", useReturnTypeSchema = true)
    public ExtensionList list(@Context SecurityContext security) {
        return manager.listWithRepairs(callerOf(security.getUserPrincipal()));
    }

    @POST
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
    // OpenAPI has one operation per method and path: installExtension describes both request bodies
    @Operation(hidden = true)
    @ApiResponse(responseCode = "201", description = "Installed and started",
            content = @Content(schema = @Schema(implementation = ExtensionInfo.class)))
    public Response install(InputStream jar, @Context SecurityContext security, @Context UriInfo uri)
            throws IOException {
        ExtensionInfo info = manager.install(callerOf(security.getUserPrincipal()), jar);
        return Response.created(uri.getAbsolutePathBuilder().path(info.symbolicName()).build()).entity(info).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "installExtension", summary = "Install an extension: its jar (checked first, "
            + "docs/extensions.md), or {\"symbolicName\", \"version\"} of an approved one",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = JAR, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApprovedVersion.class))}))
    @ApiResponse(responseCode = "201",
            headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Installed and started",
            content = @Content(schema = @Schema(implementation = ExtensionInfo.class)))
    public Response installApproved(ApprovedVersion approved, @Context SecurityContext security,
            @Context UriInfo uri) {
        ApprovedVersion v = Requests.body(approved).require(true);
        ExtensionInfo info = manager.installApproved(callerOf(security.getUserPrincipal()), v.symbolicName(),
                v.version());
        return Response.created(uri.getAbsolutePathBuilder().path(info.symbolicName()).build()).entity(info).build();
    }

    @PUT
    @Path("{symbolicName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateExtension", summary = "Swap in a new version of the extension: its jar, or "
            + "{\"version\"} of an approved one; the running one becomes its previous version",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = JAR, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApprovedVersion.class))}))
    @ApiResponse(responseCode = "200", description = "Swapped",
            content = @Content(schema = @Schema(implementation = ExtensionInfo.class)))
    public ExtensionInfo updateApproved(@PathParam("symbolicName") String symbolicName, ApprovedVersion approved,
            @Context SecurityContext security) {
        return manager.updateApproved(callerOf(security.getUserPrincipal()), symbolicName,
                Requests.body(approved).require(false).version());
    }

    @PUT
    @Path("{symbolicName}")
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
    // OpenAPI has one operation per method and path: updateExtension describes both request bodies
    @Operation(hidden = true)
    @ApiResponse(responseCode = "200", description = "Swapped",
            content = @Content(schema = @Schema(implementation = ExtensionInfo.class)))
    public ExtensionInfo update(@PathParam("symbolicName") String symbolicName, InputStream jar,
            @Context SecurityContext security) throws IOException {
        return manager.update(callerOf(security.getUserPrincipal()), symbolicName, jar);
    }

    @POST
    @Path("{symbolicName}/rollback")
    @Operation(operationId = "rollbackExtension", summary = "Go back to the previous version")
    @ApiResponse(responseCode = "200", description = "Rolled back",
            content = @Content(schema = @Schema(implementation = ExtensionInfo.class)))
    public ExtensionInfo rollback(@PathParam("symbolicName") String symbolicName, @Context SecurityContext security) {
        return manager.rollback(callerOf(security.getUserPrincipal()), symbolicName);
    }

    @DELETE
    @Path("{symbolicName}")
    @Operation(operationId = "uninstallExtension", summary = "Uninstall the extension")
    @ApiResponse(responseCode = "204", description = "Uninstalled")
    public Response uninstall(@PathParam("symbolicName") String symbolicName, @Context SecurityContext security) {
        manager.uninstall(callerOf(security.getUserPrincipal()), symbolicName);
        return Response.noContent().build();
    }
}

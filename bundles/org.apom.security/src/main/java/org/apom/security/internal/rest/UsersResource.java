package org.apom.security.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
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

import org.apom.core.api.problem.Requests;
import org.apom.core.api.Page;
import org.apom.security.api.NewUser;
import org.apom.security.api.UserChange;
import org.apom.security.api.UserDirectory;
import org.apom.security.api.UserView;
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

/** People and their roles (docs/security.md says who may manage whom). */
@Component(service = UsersResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "People, their roles and province")
@SecurityRequirement(name = "basicAuth")
public final class UsersResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final UserDirectory users;

    @Activate
    public UsersResource(@Reference UserDirectory users) {
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create an account")
    @ApiResponse(responseCode = "201",
            headers = {@Header(name = "ETag", ref = "#/components/headers/ETag"),
                    @Header(name = "Location", ref = "#/components/headers/Location")},
            description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = UserJson.class)))
    public Response create(NewUser user, @Context SecurityContext security, @Context UriInfo uri) {
        UserView created = users.create(callerOf(security.getUserPrincipal()), Requests.body(user));
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build())
                .tag(ETags.of(created.version())).entity(UserJson.of(created)).build();
    }

    @GET
    @Operation(operationId = "listUsers", summary = "The accounts you may see, by username")
    @ApiResponse(responseCode = "200", description = "A page of accounts", useReturnTypeSchema = true)
    public Page<UserJson> list(@Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return users.list(callerOf(security.getUserPrincipal()), Requests.page(limit, cursor)).map(UserJson::of);
    }

    @GET
    @Path("{username}")
    @Operation(operationId = "getUser", summary = "One account, with its ETag")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The account",
            content = @Content(schema = @Schema(implementation = UserJson.class)))
    public Response get(@PathParam("username") String username, @Context SecurityContext security) {
        UserView user = users.get(callerOf(security.getUserPrincipal()), username);
        return Response.ok(UserJson.of(user)).tag(ETags.of(user.version())).build();
    }

    @PATCH
    @Path("{username}")
    @Consumes(MERGE_PATCH)
    @Operation(operationId = "updateUser",
            summary = "Change password, roles, province, enabled, or lift a lock (locked: false)")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The changed account",
            content = @Content(schema = @Schema(implementation = UserJson.class)))
    public Response update(@PathParam("username") String username, UserChange change,
            @Parameter(description = "the ETag you read", required = true) @HeaderParam("If-Match") String ifMatch,
            @Context SecurityContext security) {
        long expected = ETags.expectedVersion(ifMatch);
        UserView user = users.update(callerOf(security.getUserPrincipal()), username, Requests.body(change), expected);
        return Response.ok(UserJson.of(user)).tag(ETags.of(user.version())).build();
    }
}

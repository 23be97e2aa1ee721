package org.apom.security.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.apom.core.api.problem.Requests;
import org.apom.core.api.Page;
import org.apom.security.api.CreatedToken;
import org.apom.security.api.NewToken;
import org.apom.security.api.TokenService;
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

/** Integrator API tokens: the secret is in the 201 answer and nowhere else, ever. */
@Component(service = TokensResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tokens", description = "API tokens for integrators (Authorization: Bearer ...)")
@SecurityRequirement(name = "basicAuth")
public final class TokensResource {

    private final TokenService tokens;

    @Activate
    public TokensResource(@Reference TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Create a token; its secret is shown in this answer only")
    @ApiResponse(responseCode = "201",
            headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Created, with the secret",
            content = @Content(schema = @Schema(implementation = TokenJson.class)))
    public Response create(NewToken token, @Context SecurityContext security, @Context UriInfo uri) {
        CreatedToken created = tokens.create(callerOf(security.getUserPrincipal()),
                Requests.body(token));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uri.getAbsolutePathBuilder().path(created.token().id()).build())
                .cacheControl(noStore).entity(TokenJson.of(created.token(), created.secret())).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "The tokens you may see, newest first (without secrets)")
    @ApiResponse(responseCode = "200", description = "A page of tokens", useReturnTypeSchema = true)
    public Page<TokenJson> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        return tokens.list(callerOf(security.getUserPrincipal()), Requests.page(limit, cursor))
                .map(t -> TokenJson.of(t, null));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token at once")
    @ApiResponse(responseCode = "204", description = "Revoked (also when it already was)")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) {
        tokens.revoke(callerOf(security.getUserPrincipal()), id);
        return Response.noContent().build();
    }
}

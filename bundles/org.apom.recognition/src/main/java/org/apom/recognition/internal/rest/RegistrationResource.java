package org.apom.recognition.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apom.core.api.Page;
import org.apom.core.api.problem.Requests;
import org.apom.recognition.api.OrganisationRegistrations;
import org.apom.recognition.api.RegistrationInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A network's path to registration as a public-benefit or community welfare organisation. */
@Component(service = RegistrationResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("networks/{id}/registration")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recognition")
@SecurityRequirement(name = "basicAuth")
public final class RegistrationResource {

    private final OrganisationRegistrations registrations;

    @Activate
    public RegistrationResource(@Reference OrganisationRegistrations registrations) {
        this.registrations = registrations;
    }

    @GET
    @Operation(operationId = "listRegistrations", summary = "The network's registration as each kind of organisation "
            + "(NOT_STARTED until its first move), with what it still lacks to be ready. Answered whole")
    @ApiResponse(responseCode = "200", description = "Both kinds", useReturnTypeSchema = true)
    public Page<RegistrationJson> list(@PathParam("id") String id, @Context SecurityContext security) {
        return Page.complete(registrations.of(callerOf(security.getUserPrincipal()), id).stream()
                .map(RegistrationJson::of).toList());
    }

    @PUT
    @Path("{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "moveRegistration", summary = "Move the network's registration of the kind "
            + "(PUBLIC_BENEFIT, COMMUNITY_WELFARE): PREPARING, SUBMITTED (when ready), REGISTERED (number, date, "
            + "registering body) or REJECTED (reason); a rejected one may be PREPARING again")
    @ApiResponse(responseCode = "200", description = "The registration after the move", useReturnTypeSchema = true)
    public RegistrationJson move(@PathParam("id") String id, @PathParam("kind") String kind,
            RegistrationChangeJson body, @Context SecurityContext security) {
        RegistrationChangeJson c = Requests.body(body);
        return RegistrationJson.of(registrations.change(callerOf(security.getUserPrincipal()), id, kind,
                new RegistrationInput(c.status(), c.registrationNumber(), c.registeredOn(), c.registeringBody(),
                        c.reason())));
    }
}

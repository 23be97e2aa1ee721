package org.apom.registry.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apom.core.api.Page;
import org.apom.registry.api.ContributedChecks;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /volunteers/{id}/checks}: what the checks of the record's province (its extensions) find in it. */
@Component(service = VolunteerChecksResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("volunteers/{id}/checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "volunteers")
@SecurityRequirement(name = "basicAuth")
public final class VolunteerChecksResource {

    private final VolunteerRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ContributedChecks contributed;

    @Activate
    public VolunteerChecksResource(@Reference VolunteerRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(operationId = "getVolunteerChecks",
            summary = "The findings of the province's own checks (its extensions) in one record")
    @ApiResponse(responseCode = "200", description = "One run per check of the record's province",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No record the caller may read")
    public Page<CheckRunJson> checks(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = callerOf(security.getUserPrincipal());
        ContributedChecks checks = contributed;
        if (checks == null) {
            registry.get(caller, id);
            return Page.complete(List.of());
        }
        return Page.complete(checks.runOn(caller, id).stream().map(CheckRunJson::of).toList());
    }
}

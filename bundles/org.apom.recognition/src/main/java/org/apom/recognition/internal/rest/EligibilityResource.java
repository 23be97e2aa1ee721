package org.apom.recognition.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apom.core.api.Page;
import org.apom.recognition.api.EligibilityCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One volunteer weighed for every award given in their province. */
@Component(service = EligibilityResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("volunteers/{id}/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recognition")
@SecurityRequirement(name = "basicAuth")
public final class EligibilityResource {

    private final EligibilityCheck eligibility;

    @Activate
    public EligibilityResource(@Reference EligibilityCheck eligibility) {
        this.eligibility = eligibility;
    }

    @GET
    @Operation(operationId = "getEligibility", summary = "Each award given in the volunteer's province: eligible or "
            + "not in the fiscal year (this one when left out), with every reason against, as a code and in Thai and "
            + "English. Answered whole")
    @ApiResponse(responseCode = "200", description = "The awards weighed", useReturnTypeSchema = true)
    public Page<EligibilityJson> eligibility(@PathParam("id") String id,
            @Parameter(description = "Buddhist-era fiscal year") @QueryParam("fiscalYear") String fiscalYear,
            @Context SecurityContext security) {
        return Page.complete(eligibility.of(callerOf(security.getUserPrincipal()), id, Years.orNow(fiscalYear))
                .stream().map(EligibilityJson::of).toList());
    }
}

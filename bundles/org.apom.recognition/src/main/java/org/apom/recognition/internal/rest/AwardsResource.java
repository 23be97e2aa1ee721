package org.apom.recognition.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.recognition.api.AwardCatalogue;
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

/** The award catalogue over HTTP. */
@Component(service = AwardsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("awards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recognition", description = "Honours for volunteers: awards, eligibility, nominations, honours held")
@SecurityRequirement(name = "basicAuth")
public final class AwardsResource {

    private final AwardCatalogue catalogue;

    @Activate
    public AwardsResource(@Reference AwardCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(operationId = "listAwards", summary = "The awards offered, core and provincial, with Thai and English "
            + "names; with province, those given there. Answered whole")
    @ApiResponse(responseCode = "200", description = "The awards", useReturnTypeSchema = true)
    public Page<AwardJson> awards(@Parameter(description = "one province") @QueryParam("province") String province,
            @Context SecurityContext security) {
        ProvinceCode only = province == null || province.isBlank() ? null
                : ProblemException.parameter("province", province.strip(), ProvinceCode::of);
        return Page.complete(catalogue.awards(callerOf(security.getUserPrincipal()), only).stream()
                .map(AwardJson::of).toList());
    }
}

package org.apom.areas.internal.rest;

import static org.apom.core.api.problem.ProblemException.parameter;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * DOPA reference data. The lists are small and fixed, so they are always answered whole
 * ({@code nextCursor} is null).
 */
@Component(service = AreasResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "areas", description = "Provinces, districts and subdistricts by their DOPA codes")
@SecurityRequirement(name = "basicAuth")
public final class AreasResource {

    private final AreaDirectory areas;

    @Activate
    public AreasResource(@Reference AreaDirectory areas) {
        this.areas = areas;
    }

    @GET
    @Path("provinces")
    @Operation(operationId = "listProvinces", summary = "All 77 provinces, with Thai and English names")
    @ApiResponse(responseCode = "200", description = "The provinces, ordered by code", useReturnTypeSchema = true)
    public Page<ProvinceJson> provinces() {
        return Page.complete(areas.provinces()).map(ProvinceJson::of);
    }

    @GET
    @Path("provinces/{code}/districts")
    @Operation(operationId = "listDistricts", summary = "The districts of a province")
    @ApiResponse(responseCode = "200", description = "The districts, ordered by code", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "The code is not two digits",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "404", description = "No such province",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Page<DistrictJson> districts(
            @Parameter(description = "Province code, 2 digits", example = "\"50\"") @PathParam("code") String code) {
        ProvinceCode province = parameter("code", code, ProvinceCode::of);
        if (areas.province(province).isEmpty()) {
            throw ProblemException.notFound("area-not-found", LocalizedText.of(
                    "There is no province with code " + province + ".", "ไม่พบจังหวัดรหัส " + province));
        }
        return Page.complete(areas.districts(province)).map(DistrictJson::of);
    }

    @GET
    @Path("districts/{code}/subdistricts")
    @Operation(operationId = "listSubdistricts", summary = "The subdistricts of a district")
    @ApiResponse(responseCode = "200", description = "The subdistricts, ordered by code", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "The code is not four digits",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(responseCode = "404", description = "No such district",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Page<SubdistrictJson> subdistricts(
            @Parameter(description = "District code, 4 digits", example = "\"5001\"") @PathParam("code") String code) {
        DistrictCode district = parameter("code", code, DistrictCode::of);
        if (areas.district(district).isEmpty()) {
            throw ProblemException.notFound("area-not-found", LocalizedText.of(
                    "There is no district with code " + district + ".", "ไม่พบอำเภอรหัส " + district));
        }
        return Page.complete(areas.subdistricts(district)).map(SubdistrictJson::of);
    }
}

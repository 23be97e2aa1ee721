package org.apom.registry.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.VolunteerFiles;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The register as a CSV file in the import's columns. */
@Component(service = VolunteerExportResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@Path("volunteers/export")
@Tag(name = "volunteers")
@SecurityRequirement(name = "basicAuth")
public final class VolunteerExportResource {

    private static final String CSV = "text/csv;charset=utf-8";

    private final VolunteerFiles files;

    @Activate
    public VolunteerExportResource(@Reference VolunteerFiles files) {
        this.files = files;
    }

    @GET
    @Produces(CSV)
    @Operation(operationId = "exportVolunteers",
            summary = "The records of a province (all you may see without one) as UTF-8 CSV with a BOM")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = "string"),
                    description = "attachment; filename=\"apom-volunteers-50.csv\""),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    public Response export(@QueryParam("province") String province, @Context SecurityContext security) {
        Caller caller = callerOf(security.getUserPrincipal());
        ProvinceCode code = province == null || province.isBlank() ? null
                : ProblemException.parameter("province", province, ProvinceCode::of);
        // refused before the first byte, so that a refusal is a problem answer and not a broken file
        files.requireExport(caller, code);
        StreamingOutput body = out -> files.export(caller, code, out);
        String name = "apom-volunteers" + (code == null ? "" : "-" + code.value()) + ".csv";
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}

package org.apom.registry.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.registry.api.ImportOptions;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.VolunteerFiles;
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

/** CSV imports of the register: queued at once (202), followed at their own URL. */
@Component(service = VolunteerImportsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("volunteers/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "volunteers")
@SecurityRequirement(name = "basicAuth")
public final class VolunteerImportsResource {

    private static final String CSV = "text/csv;charset=utf-8";

    private final VolunteerFiles files;

    @Activate
    public VolunteerImportsResource(@Reference VolunteerFiles files) {
        this.files = files;
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "startImport",
            summary = "Import a CSV file (UTF-8 with or without BOM, or TIS-620); 202 with the import's URL",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = "string", format = "binary"))}))
    @ApiResponse(responseCode = "202",
            headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Queued; Location follows the import",
            content = @Content(schema = @Schema(implementation = ImportReportJson.class)))
    public Response start(InputStream body, @QueryParam("province") String province,
            @QueryParam("dryRun") String dryRun, @QueryParam("atomic") String atomic,
            @Context SecurityContext security, @Context UriInfo uri) throws IOException {
        ImportOptions options = new ImportOptions(
                province == null || province.isBlank() ? null : ProblemException.parameter("province", province,
                        ProvinceCode::of),
                flag("dryRun", dryRun), flag("atomic", atomic));
        ImportReport report = files.startImport(callerOf(security.getUserPrincipal()), body.readAllBytes(), options);
        return Response.accepted(ImportReportJson.of(report))
                .location(uri.getAbsolutePathBuilder().path(report.id()).build()).build();
    }

    @GET
    @Operation(operationId = "listImports",
            summary = "The imports you may read, newest first, without their row errors (each import's own URL has them)")
    @ApiResponse(responseCode = "200", description = "A page of imports", useReturnTypeSchema = true)
    public Page<ImportReportJson> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        return files.imports(callerOf(security.getUserPrincipal()), Requests.page(limit, cursor))
                .map(ImportReportJson::of);
    }

    @GET
    @Path("{id}/rejected")
    @Produces(CSV)
    @Operation(operationId = "getImportRejectedRows",
            summary = "The rows that did not go in, as a file to fix and send again (UTF-8 CSV with a BOM)")
    @ApiResponse(responseCode = "200", description = "The sent file's header and rejected rows, with a last column"
            + " import_errors (each row's line and reasons, in the Accept-Language)",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = "string"),
                    description = "attachment; filename=\"apom-import-{id}-rejected.csv\""),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    public Response rejected(@PathParam("id") String id, @Context SecurityContext security,
            @Context HttpHeaders headers) throws IOException {
        Locale language = Locale.ENGLISH;
        for (Locale l : headers.getAcceptableLanguages()) {
            if ("th".equals(l.getLanguage()) || "en".equals(l.getLanguage())) {
                language = Locale.forLanguageTag(l.getLanguage());
                break;
            }
        }
        // whole before the first byte, so that a refusal is a problem answer and never half a file
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        files.rejectedRows(callerOf(security.getUserPrincipal()), id, language, file);
        return Response.ok(file.toByteArray(), CSV)
                .header("Content-Disposition", "attachment; filename=\"apom-import-" + id + "-rejected.csv\"").build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getImport",
            summary = "An import: progress, and every rejected row with its line and errors")
    @ApiResponse(responseCode = "200", description = "The import",
            content = @Content(schema = @Schema(implementation = ImportReportJson.class)))
    public ImportReportJson report(@PathParam("id") String id, @Context SecurityContext security) {
        return ImportReportJson.of(files.importReport(callerOf(security.getUserPrincipal()), id));
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return ProblemException.parameter(name, value, text -> switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException("boolean", LocalizedText.of(name + " is true or false.",
                    name + " ต้องเป็น true หรือ false"));
        });
    }
}

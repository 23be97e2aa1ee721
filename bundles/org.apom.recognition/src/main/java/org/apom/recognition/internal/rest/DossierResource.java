package org.apom.recognition.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Variant;

import org.apom.recognition.api.Dossiers;
import org.apom.recognition.internal.dossier.DossierMaker;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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

/** The Direkgunabhorn dossier for the ministry's screening committee, as CSV or PDF by the Accept header. */
@Component(service = DossierResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@Path("nominations/dossier")
@Tag(name = "recognition")
@SecurityRequirement(name = "basicAuth")
public final class DossierResource {

    private static final String CSV = DossierMaker.CSV;
    private static final String PDF = DossierMaker.PDF;
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.valueOf(CSV), MediaType.valueOf(PDF))
            .build();

    private final Dossiers dossiers;

    @Activate
    public DossierResource(@Reference Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    @GET
    @Produces({CSV, PDF})
    @Operation(operationId = "getDirekgunabhornDossier", summary = "The Direkgunabhorn nominations of a fiscal "
            + "year for the screening committee: CSV (one row per nominee) or PDF (a cover page, then one page per "
            + "nominee, in Thai), by the Accept header, CSV when either will do. Holds the nominations a province "
            + "endorsed (endorsed, approved, conferred) unless status names one state; needs recognition:read, "
            + "volunteers:read and networks:read")
    @ApiResponse(responseCode = "200", description = "The dossier",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = "string"),
                    description = "attachment; filename=\"apom-direkgunabhorn-2569-50.pdf\""),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary"))})
    public Response get(@Parameter(description = "Buddhist-era fiscal year") @QueryParam("fiscalYear")
            String fiscalYear, @Parameter(description = "one province") @QueryParam("province") String province,
            @Parameter(description = "one state, e.g. SUBMITTED") @QueryParam("status") String status,
            @Context Request request, @Context SecurityContext security) {
        Variant variant = request.selectVariant(VARIANTS);
        boolean asPdf = variant != null && PDF.equals(variant.getMediaType().toString());
        Caller caller = callerOf(security.getUserPrincipal());
        Dossiers.Dossier file = dossiers.build(caller, Years.orNow(fiscalYear), NominationsResource.province(province),
                NominationsResource.status(status), asPdf);
        return Response.ok(file.bytes(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                // names of people: no cache between the platform and the reader keeps a copy
                .header("Cache-Control", "no-store").build();
    }
}

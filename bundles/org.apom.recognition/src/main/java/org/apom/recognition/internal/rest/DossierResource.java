package org.apom.recognition.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.apom.recognition.internal.dossier.DirekgunabhornDossier;
import org.apom.recognition.internal.dossier.DossierCsv;
import org.apom.recognition.internal.dossier.DossierEntry;
import org.apom.recognition.internal.dossier.DossierPdf;
import org.apom.recognition.internal.dossier.DossierQuery;
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

    private static final String CSV = "text/csv;charset=utf-8";
    private static final String PDF = "application/pdf";
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.valueOf(CSV), MediaType.valueOf(PDF))
            .build();

    /** Dossiers made at once; more wait this long for a turn, then are answered 503 with Retry-After. */
    private static final int AT_ONCE = 2;
    private static final int WAIT_SECONDS = 10;

    private final Semaphore building = new Semaphore(AT_ONCE);
    private final DirekgunabhornDossier dossier;
    private final DossierPdf pdf;

    @Activate
    public DossierResource(@Reference DirekgunabhornDossier dossier, @Reference DossierPdf pdf) {
        this.dossier = dossier;
        this.pdf = pdf;
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
        DossierQuery query = DossierQuery.of(Years.orNow(fiscalYear), NominationsResource.province(province),
                NominationsResource.status(status));
        Variant variant = request.selectVariant(VARIANTS);
        boolean asPdf = variant != null && PDF.equals(variant.getMediaType().toString());
        Caller caller = callerOf(security.getUserPrincipal());
        byte[] file = build(caller, query, asPdf);
        String name = "apom-direkgunabhorn-" + query.fiscalYear().buddhistYear()
                + (query.province() == null ? "" : "-" + query.province().value()) + (asPdf ? ".pdf" : ".csv");
        return Response.ok(file, asPdf ? PDF : CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                // names of people: no cache between the platform and the reader keeps a copy
                .header("Cache-Control", "no-store").build();
    }

    /**
     * The file whole, before the first byte goes out, so that any failure is a problem answer and never half a file;
     * a few at once, since each reads every nominee's records and lays out their pages.
     */
    private byte[] build(Caller caller, DossierQuery query, boolean asPdf) {
        try {
            if (!building.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ProblemException(503, "busy", LocalizedText.of("Other dossiers are being made; try again "
                        + "in a moment.", "กำลังจัดทำแฟ้มเสนอชื่อรายการอื่นอยู่ กรุณาลองใหม่อีกครั้งในอีกสักครู่"),
                        List.of(), (long) WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "busy", LocalizedText.of("The server is stopping.",
                    "ระบบกำลังหยุดทำงาน"), List.of());
        }
        try {
            List<DossierEntry> entries = dossier.entries(caller, query);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (asPdf) {
                pdf.write(entries, query, caller.name(), Instant.now(), out);
            } else {
                DossierCsv.write(entries, out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            building.release();
        }
    }
}

package org.apom.recognition.internal.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.recognition.api.Dossiers;
import org.apom.recognition.api.NominationStatus;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Makes dossiers whole, before the first byte goes out, so that any failure is a problem answer and never half a
 * file; a few at once (for the API and the workspace together), since each reads every nominee's records and lays
 * out their pages.
 */
@Component(service = Dossiers.class)
public final class DossierMaker implements Dossiers {

    public static final String CSV = "text/csv;charset=utf-8";
    public static final String PDF = "application/pdf";
    /** Dossiers made at once; more wait this long for a turn, then are answered 503 with Retry-After. */
    private static final int AT_ONCE = 2;
    private static final int WAIT_SECONDS = 10;

    private final Semaphore building = new Semaphore(AT_ONCE);
    private final DirekgunabhornDossier dossier;
    private final DossierPdf pdf;

    @Activate
    public DossierMaker(@Reference DirekgunabhornDossier dossier, @Reference DossierPdf pdf) {
        this.dossier = dossier;
        this.pdf = pdf;
    }

    @Override
    public Dossier build(Caller caller, FiscalYear fiscalYear, ProvinceCode province, NominationStatus status,
            boolean asPdf) {
        DossierQuery query = DossierQuery.of(fiscalYear, province, status);
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
            String name = "apom-direkgunabhorn-" + query.fiscalYear().buddhistYear()
                    + (query.province() == null ? "" : "-" + query.province().value()) + (asPdf ? ".pdf" : ".csv");
            return new Dossier(name, asPdf ? PDF : CSV, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            building.release();
        }
    }
}

package org.apom.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.http.Part;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.ImportOptions;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.RowError;
import org.apom.registry.api.VolunteerFiles;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Reach;

/**
 * A province's spreadsheets: the upload (CSV in any encoding the API reads, or an Excel workbook, whose first sheet
 * goes into the same import path), the imports so far, and one import with its progress while it runs and every
 * rejected row's line, column and reason once it ends, with those rows as a file to fix and send again.
 */
final class ImportPages {

    static final int PAGE_SIZE = 25;
    /** A province's register as a file is a few MiB; the form refuses more before reading it (the servlet's limit). */
    static final long MAX_UPLOAD_BYTES = 32L * 1024 * 1024;

    private final VolunteerFiles files;
    private final AreaDirectory areas;

    ImportPages(VolunteerFiles files, AreaDirectory areas) {
        this.files = files;
        this.areas = areas;
    }

    void list(Visit visit) throws IOException {
        list(visit, 200, null, List.of());
    }

    /** Reads the uploaded file and queues its import; a file the register refuses keeps the officer on the form. */
    void upload(Visit visit) throws IOException {
        // refused before the file is read, let alone converted: a workbook costs memory to read
        AccessPolicy.requireAny(visit.caller(), Action.VOLUNTEERS_WRITE);
        Part part;
        try {
            part = visit.request().getPart("file");
        } catch (ServletException e) {
            throw ProblemException.badRequest("not-multipart", visit.localized("imports.notMultipart"));
        } catch (IllegalStateException e) {
            // a body beyond the servlet's limit
            throw new ProblemException(413, "too-large", visit.localized("imports.tooLarge"), List.of());
        }
        if (part == null || part.getSize() == 0) {
            list(visit, 422, visit.text("imports.noFile"), List.of());
            return;
        }
        byte[] file;
        try (InputStream in = part.getInputStream()) {
            file = in.readAllBytes();
        }
        String province = visit.param("province");
        ImportOptions options = new ImportOptions(province == null ? null
                : ProblemException.parameter("province", province, ProvinceCode::of),
                visit.param("dryRun") != null, visit.param("atomic") != null);
        ImportReport started;
        try {
            started = files.startImport(visit.caller(), XlsxSheet.isWorkbook(file) ? XlsxSheet.toCsv(file) : file,
                    options);
        } catch (ProblemException e) {
            if (e.status() != 422 && e.status() != 413 && e.status() != 403) {
                throw e;
            }
            list(visit, e.status(), e.detail().in(visit.language().locale()), e.errors().stream()
                    .map(f -> f.field() + ": " + f.message().in(visit.language().locale())).toList());
            return;
        }
        visit.redirect("/imports/" + started.id());
    }

    void show(Visit visit, String id) throws IOException {
        ImportReport report = files.importReport(visit.caller(), id);
        Map<String, Object> model = progress(visit, report);
        List<Map<String, Object>> errors = new ArrayList<>();
        Locale locale = visit.language().locale();
        for (RowError e : report.errors()) {
            errors.add(Map.of("line", visit.formats().count(e.line()), "column", e.field() == null ? "" : column(e),
                    "reason", e.message().in(locale), "code", e.code()));
        }
        model.put("errors", errors);
        model.put("unknownColumns", report.unknownColumns());
        model.put("dryRun", report.dryRun());
        model.put("atomic", report.atomic());
        model.put("encoding", report.encoding());
        model.put("createdBy", report.createdBy());
        model.put("created", visit.formats().dateTime(report.createdAt()));
        model.put("failure", report.failure() == null ? "" : report.failure());
        model.put("rejectedUntil", visit.formats().day(report.rejectedRowsUntil()));
        model.put("mayDownload", report.rejectedRowsUntil() != null && mayReadPersonalData(visit, report));
        visit.render(200, "import", model);
    }

    /**
     * The progress bar alone, which the import's page asks for every second while the import runs; once it has
     * ended, htmx is told to load the whole page again, with the report.
     */
    void progress(Visit visit, String id) throws IOException {
        ImportReport report = files.importReport(visit.caller(), id);
        if (report.finished()) {
            visit.response().setHeader("HX-Refresh", "true");
        }
        visit.render(200, "import-progress", progress(visit, report));
    }

    void rejected(Visit visit, String id) throws IOException {
        if ("HEAD".equals(visit.request().getMethod())) {
            // the rows are audited as read when they are: only a real download reads them
            visit.response().setStatus(200);
            return;
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        files.rejectedRows(visit.caller(), id, visit.language().locale(), file);
        visit.download("apom-import-" + id + "-rejected.csv", "text/csv;charset=utf-8", file.toByteArray());
    }

    private Map<String, Object> progress(Visit visit, ImportReport report) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", report.id());
        model.put("status", report.status().name());
        model.put("statusText", visit.text("imports.status." + report.status().name()));
        model.put("finished", report.finished());
        model.put("rows", report.rows());
        model.put("processed", report.processed());
        model.put("rowsText", visit.formats().count(report.rows()));
        model.put("processedText", visit.formats().count(report.processed()));
        model.put("accepted", visit.formats().count(report.accepted()));
        model.put("rejected", visit.formats().count(report.rejected()));
        model.put("rejectedCount", report.rejected());
        model.put("percent", visit.formats().percent(report.rows() == 0 ? 100.0 : 100.0 * report.processed()
                / report.rows()));
        return model;
    }

    private void list(Visit visit, int status, String problem, List<String> problems) throws IOException {
        boolean national = AccessPolicy.reach(visit.caller(), Action.VOLUNTEERS_WRITE) == Reach.ALL;
        Page<ImportReport> found = files.imports(visit.caller(),
                ProblemException.parameter("after", visit.param("after"), after -> PageRequest.of(PAGE_SIZE, after)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImportReport r : found.items()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", r.id());
            row.put("created", visit.formats().dateTime(r.createdAt()));
            row.put("createdBy", r.createdBy());
            row.put("province", r.province() == null ? "" : r.province().value());
            row.put("status", visit.text("imports.status." + r.status().name()));
            row.put("rows", visit.formats().count(r.rows()));
            row.put("accepted", visit.formats().count(r.accepted()));
            row.put("rejected", visit.formats().count(r.rejected()));
            row.put("dryRun", r.dryRun());
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("imports", rows);
        model.put("next", found.nextCursor() == null ? "" : found.nextCursor());
        model.put("national", national);
        model.put("provinces", national ? areas.provinces().stream().map(p -> Map.of("code", p.code().value(),
                "name", DashboardPage.name(visit, p))).toList() : List.of());
        model.put("problem", problem == null ? "" : problem);
        model.put("problems", problems);
        model.put("maxMiB", MAX_UPLOAD_BYTES / (1024 * 1024));
        visit.render(status, "imports", model);
    }

    /** The file's column of an error's field, as the officer's spreadsheet names it. */
    private static String column(RowError e) {
        return e.field().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The rows are the sent file's personal data, possibly of other provinces: offered to who sent them (with the
     * right to read the province's personal data) and to who may read every province's, as the register decides.
     */
    private static boolean mayReadPersonalData(Visit visit, ImportReport report) {
        if (AccessPolicy.reach(visit.caller(), Action.PERSONAL_DATA_READ) == Reach.ALL) {
            return true;
        }
        ProvinceCode province = report.province() != null ? report.province() : visit.caller().province();
        return report.createdBy().equals(visit.caller().name()) && province != null
                && AccessPolicy.allows(visit.caller(), Action.PERSONAL_DATA_READ, province);
    }
}

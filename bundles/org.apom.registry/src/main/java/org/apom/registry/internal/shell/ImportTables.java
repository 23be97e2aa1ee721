package org.apom.registry.internal.shell;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.RowError;
import org.apom.security.shell.Cells;
import org.apom.security.shell.Tables;

/** The import commands' tables: imports as their reports have them, and a report's rejected rows. */
final class ImportTables {

    private static final int ERRORS_SHOWN = 50;

    private ImportTables() {
    }

    static ShellTable imports(List<ImportReport> reports) {
        ShellTable table = Tables.of("No imports.", "Id", "Province", "Status", "Rows", "Processed", "In",
                "Rejected", "Mode", "By", "Created", "Finished");
        for (ImportReport r : reports) {
            table.addRow().addContent(r.id(), Cells.of(r.province()), r.status(), r.rows(), r.processed(),
                    r.accepted(), r.rejected(), mode(r), r.createdBy(), Cells.of(r.createdAt()),
                    Cells.of(r.finishedAt()));
        }
        return table;
    }

    /**
     * What a report says beyond its counts: the columns ignored and why it failed (formatted only: a script reads
     * the rows), then the first {@link #ERRORS_SHOWN} rejected rows' errors, in the order of the file.
     */
    static void printDetails(PrintStream out, ImportReport report, boolean format) {
        if (format && !report.unknownColumns().isEmpty()) {
            out.println("Unknown columns (ignored): " + String.join(", ", report.unknownColumns()));
        }
        if (format && report.failure() != null) {
            out.println("Failed: " + report.failure());
        }
        errors(report).print(out, format);
        if (format && report.errors().size() > ERRORS_SHOWN) {
            out.println("... " + (report.errors().size() - ERRORS_SHOWN) + " more errors: GET /api/v1/volunteers/imports/"
                    + report.id());
        }
    }

    static ShellTable errors(ImportReport report) {
        ShellTable table = Tables.of("No row was rejected.", "Line", "Field", "Code", "Message");
        for (RowError e : report.errors().subList(0, Math.min(ERRORS_SHOWN, report.errors().size()))) {
            table.addRow().addContent(e.line(), Cells.of(e.field()), e.code(), e.message().en());
        }
        return table;
    }

    private static String mode(ImportReport r) {
        return r.dryRun() && r.atomic() ? "dry-run,atomic" : r.dryRun() ? "dry-run" : r.atomic() ? "atomic" : "-";
    }
}

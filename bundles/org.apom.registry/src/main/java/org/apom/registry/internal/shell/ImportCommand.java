package org.apom.registry.internal.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.ImportOptions;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.VolunteerFiles;
import org.apom.security.api.Caller;

/** {@code apom:import FILE [--province P] [--dry-run] [--atomic]}: POST /volunteers/imports for central IT. */
@Command(scope = "apom", name = "import", description = "Import a register CSV file, showing its progress")
@Service
public class ImportCommand implements Action {

    private static final int ERRORS_SHOWN = 50;

    @Argument(index = 0, name = "file", required = true, description = "the CSV file, on this server")
    private String file;

    @Option(name = "--province", description = "take only rows of this province (e.g. 50)")
    private String province;

    @Option(name = "--dry-run", description = "check every row, write nothing")
    private boolean dryRun;

    @Option(name = "--atomic", description = "all rows go in, or none does")
    private boolean atomic;

    @Reference
    private VolunteerFiles files;

    @Override
    public Object execute() throws Exception {
        PrintStream out = System.out;
        try {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            ImportOptions options = new ImportOptions(province == null ? null : ProvinceCode.of(province), dryRun,
                    atomic);
            var caller = Caller.shell();
            ImportReport report = files.startImport(caller, bytes, options);
            out.println("Import " + report.id() + ": " + report.rows() + " rows, read as " + report.encoding());
            while (!report.finished()) {
                out.print("\r" + progress(report));
                out.flush();
                Thread.sleep(500);
                report = files.importReport(caller, report.id());
            }
            out.println("\r" + progress(report) + " " + report.status() + (dryRun ? " (dry run: nothing written)" : ""));
            printErrors(out, report);
        } catch (NoSuchFileException e) {
            out.println("No such file: " + file);
        } catch (IOException e) {
            out.println("Cannot read " + file + ": " + e.getMessage());
        } catch (ProblemException e) {
            out.println("Refused (" + e.code() + "): " + e.detail().en());
            for (FieldError f : e.errors()) {
                out.println("  " + f.field() + ": " + f.message().en());
            }
        } catch (InterruptedException e) {
            out.println();
            out.println("The import goes on in the background: GET /api/v1/volunteers/imports/{id}");
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static String progress(ImportReport r) {
        int percent = r.rows() == 0 ? 100 : r.processed() * 100 / r.rows();
        return String.format("%3d%% %d/%d rows, %d in, %d rejected", percent, r.processed(), r.rows(), r.accepted(),
                r.rejected());
    }

    private static void printErrors(PrintStream out, ImportReport report) {
        if (!report.unknownColumns().isEmpty()) {
            out.println("Unknown columns (ignored): " + String.join(", ", report.unknownColumns()));
        }
        if (report.failure() != null) {
            out.println("Failed: " + report.failure());
        }
        report.errors().stream().limit(ERRORS_SHOWN).forEach(e -> out.println("  line " + e.line() + " "
                + (e.field() == null ? "" : e.field() + " ") + e.code() + ": " + e.message().en()));
        if (report.errors().size() > ERRORS_SHOWN) {
            out.println("  ... " + (report.errors().size() - ERRORS_SHOWN) + " more errors: GET /api/v1/volunteers/imports/"
                    + report.id());
        }
    }
}

package org.apom.registry.internal.shell;

import java.io.PrintStream;
import java.nio.file.Files;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.ImportOptions;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.ImportStatus;
import org.apom.registry.api.VolunteerFiles;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;

/**
 * {@code apom:import [--province P] [--dry-run] [--atomic] FILE}: POST /volunteers/imports for central IT, with a
 * progress line. An import that fails as a whole fails the command; rejected rows do not (they are the report).
 */
@Command(scope = "apom", name = "import", description = "Import a register CSV file, showing its progress")
@Service
public class ImportCommand extends ApomAction {

    @Argument(index = 0, name = "file", required = true, description = "the CSV file, on this server")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--province", description = "take only rows of this province (e.g. 50)")
    @Completion(ProvinceCompleter.class)
    String province;

    @Option(name = "--dry-run", description = "check every row, write nothing")
    boolean dryRun;

    @Option(name = "--atomic", description = "all rows go in, or none does")
    boolean atomic;

    @Reference
    VolunteerFiles files;

    @Override
    protected void execute(Caller caller) throws Exception {
        PrintStream out = System.out;
        byte[] bytes = Files.readAllBytes(existingFile(file));
        ImportOptions options = new ImportOptions(
                province == null ? null : ProblemException.parameter("province", province, ProvinceCode::of), dryRun,
                atomic);
        ImportReport report = files.startImport(caller, bytes, options);
        out.println("Import " + report.id() + ": " + report.rows() + " rows, read as " + report.encoding());
        try {
            while (!report.finished()) {
                out.print("\r" + progress(report));
                out.flush();
                Thread.sleep(500);
                report = files.importReport(caller, report.id());
            }
        } catch (InterruptedException e) {
            out.println();
            out.println("The import goes on in the background: apom:imports " + report.id());
            Thread.currentThread().interrupt();
            return;
        }
        out.println("\r" + progress(report) + " " + report.status() + (dryRun ? " (dry run: nothing written)" : ""));
        ImportTables.printDetails(out, report, true);
        if (report.status() == ImportStatus.FAILED) {
            throw new CommandException("Import " + report.id() + " failed: " + report.failure());
        }
    }

    private static String progress(ImportReport r) {
        int percent = r.rows() == 0 ? 100 : r.processed() * 100 / r.rows();
        return String.format("%3d%% %d/%d rows, %d in, %d rejected", percent, r.processed(), r.rows(), r.accepted(),
                r.rejected());
    }
}

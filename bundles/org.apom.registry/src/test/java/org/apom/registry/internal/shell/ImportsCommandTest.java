package org.apom.registry.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.ImportActivity;
import org.apom.registry.api.ImportOptions;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.ImportStatus;
import org.apom.registry.api.RowError;
import org.apom.registry.api.VolunteerFiles;
import org.apom.security.api.Caller;
import org.junit.jupiter.api.Test;

class ImportsCommandTest {

    private static final Instant AT = Instant.parse("2026-12-01T03:00:00.25Z");
    private static final ImportReport DONE = new ImportReport("i-2", ImportStatus.DONE, ProvinceCode.of("50"), true,
            false, "UTF-8", 3, 3, 2, 1, List.of(), List.of(new RowError(4, "national_id", "duplicate",
                    LocalizedText.of("Already in the file.", "ซ้ำ"))), "karaf-shell:admin", AT, AT.plusSeconds(2), null);
    private static final ImportReport RUNNING = new ImportReport("i-1", ImportStatus.RUNNING, null, false, true,
            "windows-874", 500, 100, 100, 0, List.of(), List.of(), "cm-officer", AT, null, null);

    @Test
    void theLatestImportsAreOneLineEachWithoutFormat() throws Exception {
        ImportsCommand command = command();
        command.noFormat = true;
        command.limit = 2;
        assertEquals("""
                i-2\t50\tDONE\t3\t3\t2\t1\tdry-run\tkaraf-shell:admin\t2026-12-01T03:00:00Z\t2026-12-01T03:00:02Z
                i-1\t-\tRUNNING\t500\t100\t100\t0\tatomic\tcm-officer\t2026-12-01T03:00:00Z\t-
                """, printed(command));
    }

    @Test
    void oneImportIsShownWithItsRejectedRows() throws Exception {
        ImportsCommand command = command();
        command.noFormat = true;
        command.id = "i-2";
        assertEquals("i-2\t50\tDONE\t3\t3\t2\t1\tdry-run\tkaraf-shell:admin\t2026-12-01T03:00:00Z\t2026-12-01T03:00:02Z\n"
                + "4\tnational_id\tduplicate\tAlready in the file.\n", printed(command));
    }

    @Test
    void anImportThatIsNotThereFailsTheCommand() {
        ImportsCommand command = command();
        command.id = "i-9";
        assertEquals("Refused (not-found): There is no such import.",
                assertThrows(CommandException.class, command::execute).getMessage());
    }

    private static ImportsCommand command() {
        ImportsCommand command = new ImportsCommand();
        command.files = new VolunteerFiles() {
            @Override
            public Page<ImportReport> imports(Caller caller, PageRequest page) {
                assertEquals(PageRequest.of(2, null), page);
                return new Page<>(List.of(DONE, RUNNING), null);
            }

            @Override
            public int rejectedRows(Caller caller, String id, java.util.Locale language, OutputStream out) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ImportReport importReport(Caller caller, String id) {
                if (!id.equals(DONE.id())) {
                    throw ProblemException.notFound("not-found", LocalizedText.of("There is no such import.", "ไม่พบ"));
                }
                return DONE;
            }

            @Override
            public ImportReport startImport(Caller caller, byte[] file, ImportOptions options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ImportActivity activity() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void requireExport(Caller caller, ProvinceCode province) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int export(Caller caller, ProvinceCode province, OutputStream out) {
                throw new UnsupportedOperationException();
            }
        };
        return command;
    }

    /** What the command prints, without the padding Karaf keeps in each unformatted cell. */
    private static String printed(ImportsCommand command) throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(before);
        }
        return out.toString(StandardCharsets.UTF_8).replace("\r", "").replaceAll(" +\t", "\t");
    }
}

package org.apom.extensions.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apom.extensions.internal.ExtensionInfo;
import org.apom.extensions.internal.SubmissionInfo;
import org.junit.jupiter.api.Test;

class ExtensionTablesTest {

    private static final Instant AT = Instant.parse("2026-12-01T03:04:05.678Z");

    @Test
    void anExtensionIsOneLineWithItsServicesOrItsError() {
        List<ExtensionInfo> extensions = List.of(
                new ExtensionInfo("org.apom.ext.p50.tiering", "50", "1.1.0", "1.0.0", "ACTIVE",
                        List.of("org.apom.extensions.api.TierCriterion", "org.apom.extensions.api.AwardProgram"), null,
                        "admin", AT, "reviewed"),
                new ExtensionInfo("org.apom.ext.all.broken", "*", "2.0.0", null, "RESOLVED", List.of(),
                        "cannot start", "admin", AT, null));
        assertEquals("""
                org.apom.ext.p50.tiering\t50\t1.1.0\t1.0.0\tACTIVE\treviewed\t\
                org.apom.extensions.api.AwardProgram,org.apom.extensions.api.TierCriterion
                org.apom.ext.all.broken\t*\t2.0.0\t-\tRESOLVED\t-\terror: cannot start
                """, unformatted(ExtensionTables.extensions(extensions)));
    }

    @Test
    void aSubmissionShowsWhoSentItAndWhyItWasRejected() {
        SubmissionInfo rejected = new SubmissionInfo("s-1", "org.apom.ext.p50.tiering", "50", "1.2.0", "ab12",
                "REJECTED", "malee", AT, "reviewer", AT, "reads personal data", null, null, null);
        assertEquals("s-1\torg.apom.ext.p50.tiering\t50\t1.2.0\tREJECTED\tmalee\t2026-12-01T03:04:05Z\t"
                + "reads personal data\n", unformatted(ExtensionTables.submissions(List.of(rejected))));
        assertEquals("Import-Package\t(none)\torg.apom.registry.api\nExport-Package\torg.apom.x\t(removed)\n",
                unformatted(ExtensionTables.changes(List.of(
                        new SubmissionInfo.HeaderChange("Import-Package", null, "org.apom.registry.api"),
                        new SubmissionInfo.HeaderChange("Export-Package", "org.apom.x", null)))));
    }

    @Test
    void aDecisionThatIsNoneOfTheThreeFailsTheCommand() {
        ExtReviewCommand command = new ExtReviewCommand();
        command.id = "s-1";
        command.decision = "accept";
        assertEquals("The decision is approve, reject or revoke, not accept.",
                assertThrows(CommandException.class, command::execute).getMessage());
    }

    /** As {@code --no-format} prints it, without the padding Karaf keeps in each cell. */
    private static String unformatted(ShellTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.print(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        return out.toString(StandardCharsets.UTF_8).replace("\r", "").replaceAll(" +\t", "\t");
    }
}

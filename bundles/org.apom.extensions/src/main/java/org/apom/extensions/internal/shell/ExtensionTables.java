package org.apom.extensions.internal.shell;

import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.apom.extensions.internal.ExtensionInfo;
import org.apom.extensions.internal.Reconciliation;
import org.apom.extensions.internal.SubmissionInfo;
import org.apom.security.shell.Cells;
import org.apom.security.shell.Tables;

/** The extension commands' tables: extensions as GET /extensions has them, and submissions with their changes. */
final class ExtensionTables {

    private ExtensionTables() {
    }

    static ShellTable extensions(List<ExtensionInfo> extensions) {
        ShellTable table = Tables.of("No extensions.", "Extension", "Province", "Version", "Previous", "State",
                "Trust", "Services");
        for (ExtensionInfo e : extensions) {
            table.addRow().addContent(e.symbolicName(), e.province(), e.version(), Cells.of(e.previousVersion()),
                    e.state(), Cells.of(e.trust()),
                    e.lastError() == null ? Cells.of(e.services()) : "error: " + e.lastError());
        }
        return table;
    }

    static ShellTable reconciled(List<Reconciliation> repairs) {
        ShellTable table = Tables.of("Nothing was repaired.", "When", "Extension", "Province", "Found", "Bundle",
                "Record", "Done");
        for (Reconciliation r : repairs) {
            table.addRow().addContent(Cells.of(r.at()), r.symbolicName(), r.province(), r.disagreement(),
                    Cells.of(r.bundleVersion()), Cells.of(r.recordVersion()), r.outcome());
        }
        return table;
    }

    static ShellTable submissions(List<SubmissionInfo> submissions) {
        ShellTable table = Tables.of("No submissions.", "Id", "Extension", "Province", "Version", "State",
                "Submitted by", "Submitted", "Reason");
        for (SubmissionInfo s : submissions) {
            table.addRow().addContent(s.id(), s.symbolicName(), s.province(), s.version(), s.state(), s.submittedBy(),
                    Cells.of(s.submittedAt()), Cells.of(s.reason()));
        }
        return table;
    }

    static ShellTable changes(List<SubmissionInfo.HeaderChange> changes) {
        ShellTable table = Tables.of("No manifest header changes.", "Header", "Before", "After");
        for (SubmissionInfo.HeaderChange c : changes) {
            table.addRow().addContent(c.header(), c.before() == null ? "(none)" : c.before(),
                    c.after() == null ? "(removed)" : c.after());
        }
        return table;
    }
}

package org.apom.registry.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.core.api.PageRequest;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.VolunteerFiles;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;

/**
 * {@code apom:imports [ID]}: the register's latest imports, newest first, or one import with its rejected rows
 * (as GET /volunteers/imports/{id}).
 */
@Command(scope = "apom", name = "imports", description = "List the register's imports, or show one with its errors")
@Service
public class ImportsCommand extends ApomAction {

    @Argument(index = 0, name = "id", required = false, description = "an import's id: show it with its errors")
    @Completion(ImportIdCompleter.class)
    String id;

    @Option(name = "--limit", description = "how many of the latest imports to list (at most 500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Reference
    VolunteerFiles files;

    @Override
    protected void execute(Caller caller) {
        if (id == null) {
            ImportTables.imports(files.imports(caller, PageRequest.of(limit, null)).items())
                    .print(System.out, !noFormat);
            return;
        }
        ImportReport report = files.importReport(caller, id);
        ImportTables.imports(List.of(report)).print(System.out, !noFormat);
        ImportTables.printDetails(System.out, report, !noFormat);
    }
}

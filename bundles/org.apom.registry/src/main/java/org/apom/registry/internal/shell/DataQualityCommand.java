package org.apom.registry.internal.shell;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.ProvinceQuality;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;

/** {@code apom:data-quality [province]}: the same figures as GET /data-quality, as a table. */
@Command(scope = "apom", name = "data-quality", description = "Data quality of the register per province")
@Service
public class DataQualityCommand extends ApomAction {

    @Argument(index = 0, name = "province", description = "a province code, e.g. 50; all when left out")
    @Completion(ProvinceCompleter.class)
    String province;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Reference
    VolunteerRegistry registry;

    @Override
    protected void execute(Caller caller) {
        var rows = registry.dataQuality(caller,
                province == null ? null : ProblemException.parameter("province", province, ProvinceCode::of));
        ShellTable table = new ShellTable().emptyTableText("No records.");
        table.column("Province");
        for (String figure : new String[] {"Records", "Active", "Suspended", "Resigned", "Deceased", "Complete %",
                "Verified %", "Duplicates"}) {
            table.column(figure).alignRight();
        }
        for (ProvinceQuality q : rows) {
            table.addRow().addContent(q.province(), q.records(), n(q, VolunteerStatus.ACTIVE),
                    n(q, VolunteerStatus.SUSPENDED), n(q, VolunteerStatus.RESIGNED), n(q, VolunteerStatus.DECEASED),
                    percent(q.completePercent()), percent(q.verifiedWithin12MonthsPercent()),
                    q.suspectedDuplicates());
        }
        table.print(System.out, !noFormat);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static long n(ProvinceQuality q, VolunteerStatus status) {
        return q.byStatus().getOrDefault(status, 0L);
    }
}

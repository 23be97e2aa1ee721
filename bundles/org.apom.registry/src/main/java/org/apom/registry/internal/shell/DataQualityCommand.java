package org.apom.registry.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.core.api.ProvinceCode;
import org.apom.registry.api.ProvinceQuality;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.Caller;

/** {@code apom:data-quality [province]}: the same figures as GET /data-quality, as a table. */
@Command(scope = "apom", name = "data-quality", description = "Data quality of the register per province")
@Service
public class DataQualityCommand implements Action {

    @Argument(index = 0, name = "province", description = "a province code, e.g. 50; all when left out")
    private String province;

    @Reference
    private VolunteerRegistry registry;

    @Override
    public Object execute() {
        var rows = registry.dataQuality(Caller.shell(), province == null ? null : ProvinceCode.of(province));
        System.out.printf("%-8s %8s %8s %9s %8s %8s %10s %10s %10s%n", "province", "records", "active", "suspended",
                "resigned", "deceased", "complete%", "verified%", "duplicates");
        for (ProvinceQuality q : rows) {
            System.out.printf("%-8s %8d %8d %9d %8d %8d %10.1f %10.1f %10d%n", q.province(), q.records(),
                    n(q, VolunteerStatus.ACTIVE), n(q, VolunteerStatus.SUSPENDED), n(q, VolunteerStatus.RESIGNED),
                    n(q, VolunteerStatus.DECEASED), q.completePercent(), q.verifiedWithin12MonthsPercent(),
                    q.suspectedDuplicates());
        }
        return null;
    }

    private static long n(ProvinceQuality q, VolunteerStatus status) {
        return q.byStatus().getOrDefault(status, 0L);
    }
}

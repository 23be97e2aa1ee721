package org.apom.tiering.internal.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;
import org.apom.tiering.api.TierCounts;
import org.apom.tiering.api.TierRun;
import org.apom.tiering.api.Tiering;

/**
 * {@code apom:tier-run [--province P] FISCAL_YEAR}: POST /tiering/runs for central IT, with a progress line, then
 * the tiers at a glance. A run that fails fails the command.
 */
@Command(scope = "apom", name = "tier-run", description = "Grade the networks A/B/C for a fiscal year, showing progress")
@Service
public class TierRunCommand extends ApomAction {

    @Argument(index = 0, name = "fiscalYear", required = true, description = "Buddhist-era fiscal year, e.g. 2569")
    int fiscalYear;

    @Option(name = "--province", description = "grade one province's networks (e.g. 50); the whole country when left out")
    String province;

    @Reference
    Tiering tiering;

    @Override
    protected void execute(Caller caller) throws Exception {
        PrintStream out = System.out;
        ProvinceCode only = province == null ? null : ProblemException.parameter("province", province, ProvinceCode::of);
        FiscalYear year = ProblemException.parameter("fiscalYear", Integer.toString(fiscalYear),
                t -> FiscalYear.of(Integer.parseInt(t)));
        TierRun run = tiering.start(caller, year, only);
        out.println("Run " + run.id() + ": fiscal year " + year + ", " + (only == null ? "every province"
                : "province " + only.value()));
        try {
            while (run.status().equals("QUEUED") || run.status().equals("RUNNING")) {
                out.print("\r" + progress(run));
                out.flush();
                Thread.sleep(500);
                run = tiering.run(caller, run.id());
            }
        } catch (InterruptedException e) {
            out.println();
            out.println("The run goes on in the background: GET /api/v1/tiering/runs/" + run.id());
            Thread.currentThread().interrupt();
            return;
        }
        out.println("\r" + progress(run) + " " + run.status());
        if (!run.failedCriteria().isEmpty()) {
            out.println("Criteria that failed for some networks (left out of their totals): "
                    + String.join(", ", run.failedCriteria()));
        }
        if (!run.status().equals("DONE")) {
            throw new CommandException("Run " + run.id() + " " + run.status() + ": " + run.failure());
        }
        for (TierCounts c : tiering.summary(caller, year, only)) {
            out.println((c.province() == null ? "country" : "province " + c.province()) + ": A " + c.a() + ", B "
                    + c.b() + ", C " + c.c());
        }
    }

    private static String progress(TierRun r) {
        int percent = r.total() == 0 ? 0 : r.done() * 100 / r.total();
        return String.format("%3d%% %d/%d networks", percent, r.done(), r.total());
    }
}

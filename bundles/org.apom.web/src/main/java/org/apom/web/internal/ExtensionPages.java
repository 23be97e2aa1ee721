package org.apom.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apom.core.api.problem.ProblemException;
import org.apom.extensions.admin.ExtensionAdministration;
import org.apom.extensions.admin.InstalledExtension;
import org.apom.extensions.admin.Reconciliation;
import org.apom.extensions.admin.Submission;

/**
 * The provinces' extension bundles: what runs (version, state, why it may run, its last error) with a rollback to
 * the version before, and what was submitted for review, with the reviewer's approve or reject (and a reason) and,
 * for an approved version, its installation or the swap to it while the platform serves. Every move is the
 * extension manager's, with its own checks of role and province.
 */
final class ExtensionPages {

    private static final Set<String> DONE = Set.of("approved", "rejected", "installed", "swapped", "rolledBack");
    /** A symbolic name as the manager accepts one, and a bundle version. */
    static final String NAME = "[A-Za-z0-9_.-]{1,200}";

    private final Supplier<ExtensionAdministration> manager;

    ExtensionPages(Supplier<ExtensionAdministration> manager) {
        this.manager = manager;
    }

    /** The extension manager, or a 503 while its bundle does not run. */
    private ExtensionAdministration extensions(Visit visit) {
        ExtensionAdministration extensions = manager.get();
        if (extensions == null) {
            throw new ProblemException(503, "extensions-unavailable", visit.localized("extensions.unavailable"),
                    List.of());
        }
        return extensions;
    }

    void list(Visit visit) throws IOException {
        list(visit, 200, null);
    }

    /** A reviewer's approval or rejection of a submission, with the reason (which a rejection needs). */
    void decide(Visit visit, String id) throws IOException {
        String decision = visit.param("decision");
        if ("approve".equals(decision)) {
            decide(visit, () -> extensions(visit).approve(visit.caller(), id, visit.param("reason")), "approved");
        } else if ("reject".equals(decision)) {
            decide(visit, () -> extensions(visit).reject(visit.caller(), id, visit.param("reason")), "rejected");
        } else {
            throw ProblemException.badRequest("unknown-action", visit.localized("admin.badAction"));
        }
    }

    /** Installs the approved version, or swaps the running extension to it when it runs already. */
    void run(Visit visit, String symbolicName) throws IOException {
        String version = visit.param("version");
        if (version == null || !version.matches(NAME)) {
            throw ProblemException.badRequest("bad-version", visit.localized("extensions.badVersion"));
        }
        boolean running = extensions(visit).installed(visit.caller()).stream()
                .anyMatch(e -> e.symbolicName().equals(symbolicName));
        if (running) {
            decide(visit, () -> extensions(visit).swap(visit.caller(), symbolicName, version), "swapped");
        } else {
            decide(visit, () -> extensions(visit).install(visit.caller(), symbolicName, version), "installed");
        }
    }

    void rollback(Visit visit, String symbolicName) throws IOException {
        decide(visit, () -> extensions(visit).rollback(visit.caller(), symbolicName), "rolledBack");
    }

    /** A move the manager refuses (a state that moved on, a missing reason, a failed start) keeps the officer here. */
    private void decide(Visit visit, Runnable move, String done) throws IOException {
        try {
            move.run();
        } catch (ProblemException e) {
            if (e.status() != 409 && e.status() != 422 && e.status() != 412) {
                throw e;
            }
            list(visit, e.status(), e.detail().in(visit.language().locale()));
            return;
        }
        visit.redirect("/admin/extensions?done=" + done);
    }

    private void list(Visit visit, int status, String problem) throws IOException {
        ExtensionAdministration extensions = extensions(visit);
        List<InstalledExtension> installed = extensions.installed(visit.caller());
        Map<String, String> running = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InstalledExtension e : installed) {
            running.put(e.symbolicName(), e.version());
            Map<String, Object> row = new HashMap<>();
            row.put("name", e.symbolicName());
            row.put("province", e.province());
            row.put("version", e.version());
            row.put("previous", e.previousVersion() == null ? "" : e.previousVersion());
            row.put("state", e.state());
            row.put("trust", e.trust() == null ? "" : e.trust());
            row.put("services", e.services());
            row.put("lastError", e.lastError() == null ? "" : e.lastError());
            row.put("changed", visit.formats().dateTime(e.changedAt()) + " · " + e.changedBy());
            rows.add(row);
        }
        List<Map<String, Object>> submissions = new ArrayList<>();
        for (Submission s : extensions.submissions(visit.caller())) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", s.id());
            row.put("name", s.symbolicName());
            row.put("province", s.province());
            row.put("version", s.version());
            row.put("state", s.state());
            row.put("stateText", visit.text("extensions.state." + s.state()));
            row.put("submitted", visit.formats().dateTime(s.submittedAt()) + " · " + s.submittedBy());
            row.put("reviewed", s.reviewedBy() == null ? "" : visit.formats().dateTime(s.reviewedAt()) + " · " + s.reviewedBy());
            row.put("reason", s.reason() == null ? "" : s.reason());
            row.put("sha256", s.sha256());
            // an approved version that does not run now can be installed, or swapped to
            row.put("runnable", "APPROVED".equals(s.state()) && !s.version().equals(running.get(s.symbolicName())));
            row.put("swap", running.containsKey(s.symbolicName()));
            submissions.add(row);
        }
        List<Map<String, Object>> reconciled = new ArrayList<>();
        for (Reconciliation r : extensions.reconciled(visit.caller())) {
            Map<String, Object> row = new HashMap<>();
            row.put("at", visit.formats().dateTime(r.at()));
            row.put("name", r.symbolicName());
            row.put("province", r.province());
            row.put("found", visit.text("extensions.disagreement." + r.disagreement()));
            row.put("bundleVersion", r.bundleVersion() == null ? "" : r.bundleVersion());
            row.put("recordVersion", r.recordVersion() == null ? "" : r.recordVersion());
            row.put("outcome", visit.text("extensions.outcome." + r.outcome()));
            reconciled.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("installed", rows);
        model.put("reconciled", reconciled);
        model.put("submissions", submissions);
        model.put("developmentMode", extensions.developmentMode());
        model.put("problem", problem == null ? "" : problem);
        String done = visit.param("done");
        model.put("done", status == 200 && done != null && DONE.contains(done) ? visit.text("extensions.done." + done)
                : "");
        visit.render(status, "admin-extensions", model);
    }
}

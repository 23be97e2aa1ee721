package org.apom.web.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;

/**
 * The register's pages: a search (by name prefix; by national ID for those who may read personal data, which the
 * registry itself enforces), a record masked as the API masks it, and "still current" in one click.
 */
final class VolunteerPages {

    static final int PAGE_SIZE = 25;
    /** As the API's search: a name prefix or an ID is never longer. */
    static final int MAX_QUERY = 100;
    /** As the register's status reason (it checks it too). */
    static final int MAX_REASON = 500;
    /** The notices a record shows after a change (a parameter outside these shows nothing). */
    private static final java.util.Set<String> DONE = java.util.Set.of("verified", "saved", "unchanged", "status",
            "merged");

    private final VolunteerRegistry registry;
    private final AreaDirectory areas;
    private final RecordView records;

    VolunteerPages(VolunteerRegistry registry, AreaDirectory areas) {
        this.registry = registry;
        this.areas = areas;
        this.records = new RecordView(areas);
    }

    void list(Visit visit) throws IOException {
        Caller caller = visit.caller();
        String q = visit.param("q");
        if (q != null && q.length() > MAX_QUERY) {
            throw ProblemException.badParameter("q", new InvalidValueException("too-long", visit.localized(
                    "volunteers.qTooLong")));
        }
        VolunteerStatus status = visit.param("status") == null ? null : status(visit, visit.param("status"));
        boolean national = AccessPolicy.reach(caller, Action.VOLUNTEERS_READ) == Reach.ALL;
        ProvinceCode province = visit.param("province") == null ? null
                : ProblemException.parameter("province", visit.param("province"), ProvinceCode::of);
        Page<Volunteer> found = registry.search(caller, new VolunteerSearch(province, null, null, status, q, null),
                ProblemException.parameter("after", visit.param("after"), after -> PageRequest.of(PAGE_SIZE, after)));
        Map<String, Object> model = new HashMap<>();
        model.put("q", q == null ? "" : q);
        model.put("status", status == null ? "" : status.name());
        model.put("statuses", Arrays.stream(VolunteerStatus.values()).map(Enum::name).toList());
        model.put("national", national);
        model.put("province", province == null ? "" : province.value());
        model.put("provinces", national ? areas.provinces().stream().map(p -> Map.of("code", p.code().value(),
                "name", DashboardPage.name(visit, p))).toList() : List.of());
        model.put("items", found.items().stream().map(v -> records.row(visit, v)).toList());
        model.put("next", found.nextCursor() == null ? "" : found.nextCursor());
        visit.render(200, "volunteers", model);
    }

    void show(Visit visit, String id) throws IOException {
        show(visit, registry.get(visit.caller(), id), 200, null, List.of());
    }

    private void show(Visit visit, Volunteer v, int httpStatus, String statusProblem, List<String> statusErrors)
            throws IOException {
        Map<String, Object> model = records.whole(visit, v);
        model.put("mayWrite", RecordView.mayWrite(visit, v));
        model.put("mayNominate", NominationDraftPage.mayDraft(visit) && v.mergedInto() == null);
        String done = visit.param("done");
        model.put("done", done != null && DONE.contains(done) ? visit.text("volunteer.done." + done) : "");
        model.put("nextStatuses", v.status().next().stream().map(s -> Map.of("name", s.name(),
                "text", visit.text("status." + s.name()))).toList());
        model.put("statusProblem", statusProblem == null ? "" : statusProblem);
        model.put("statusErrors", statusErrors);
        model.put("reasonMax", MAX_REASON);
        visit.render(httpStatus, "volunteer", model);
    }

    void verify(Visit visit, String id) {
        VolunteerEditPage.requireMayEdit(visit, registry.get(visit.caller(), id));
        registry.verify(visit.caller(), id);
        visit.redirect("/volunteers/" + id + "?done=verified");
    }

    /** A status change with its reason; a refusal (no reason, a transition the register forbids) shows on the record. */
    void changeStatus(Visit visit, String id) throws IOException {
        String reason = visit.param("reason");
        VolunteerStatus next = visit.param("status") == null ? null : status(visit, visit.param("status"));
        long version = visit.version("version");
        Volunteer current = registry.get(visit.caller(), id);
        VolunteerEditPage.requireMayEdit(visit, current);
        if (current.version() != version) {
            // a colleague changed the record since this page showed its status: the choice was about another state
            show(visit, current, 409, visit.text("volunteer.changedSince"), List.of());
            return;
        }
        try {
            registry.changeStatus(visit.caller(), id, next, reason);
        } catch (ProblemException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            show(visit, registry.get(visit.caller(), id), e.status(), e.detail().in(visit.language().locale()),
                    e.errors().stream().map(f -> f.message().in(visit.language().locale())).toList());
            return;
        }
        visit.redirect("/volunteers/" + id + "?done=status");
    }

    private static VolunteerStatus status(Visit visit, String value) {
        try {
            return VolunteerStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("status", new InvalidValueException("unknown-status",
                    visit.localized("volunteers.badStatus")));
        }
    }
}

package org.apom.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.Masking;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.DuplicatePair;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Reach;

/**
 * Suspected duplicates: the list of pairs, two records side by side with their differences marked, and the two ways
 * out: merge one into the other (both still at the versions the officer compared) or dismiss the pair with a reason.
 */
final class DuplicatePages {

    static final int PAGE_SIZE = 25;
    /** What the comparison shows, in order; each is a key of {@link RecordView#whole}. */
    private static final List<String> COMPARED = List.of("name", "nameEn", "nationalId", "birthDate", "gender",
            "phone", "address", "subdistrict", "district", "province", "registeredOn", "statusText", "lastVerifiedOn",
            "version");
    private static final Set<String> DONE = Set.of("dismissed");

    private final VolunteerRegistry registry;
    private final AreaDirectory areas;
    private final RecordView records;

    DuplicatePages(VolunteerRegistry registry, AreaDirectory areas) {
        this.registry = registry;
        this.areas = areas;
        this.records = new RecordView(areas);
    }

    void list(Visit visit) throws IOException {
        boolean national = AccessPolicy.reach(visit.caller(), Action.VOLUNTEERS_READ) == Reach.ALL;
        ProvinceCode province = visit.param("province") == null ? null
                : ProblemException.parameter("province", visit.param("province"), ProvinceCode::of);
        Page<DuplicatePair> found = registry.duplicates(visit.caller(), province,
                ProblemException.parameter("after", visit.param("after"), after -> PageRequest.of(PAGE_SIZE, after)));
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (DuplicatePair pair : found.items()) {
            pairs.add(Map.of("first", records.row(visit, pair.first()), "second", records.row(visit, pair.second()),
                    "birthDate", RecordView.unmasked(visit, pair.first())
                            ? visit.formats().date(pair.first().birthDate())
                            : Masking.birthDate(pair.first().birthDate())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("pairs", pairs);
        model.put("national", national);
        model.put("province", province == null ? "" : province.value());
        model.put("provinces", national ? areas.provinces().stream().map(p -> Map.of("code", p.code().value(),
                "name", DashboardPage.name(visit, p))).toList() : List.of());
        model.put("next", found.nextCursor() == null ? "" : found.nextCursor());
        String done = visit.param("done");
        model.put("done", done != null && DONE.contains(done) ? visit.text("duplicates.done." + done) : "");
        visit.render(200, "duplicates", model);
    }

    void compare(Visit visit, String firstId, String secondId) throws IOException {
        compare(visit, firstId, secondId, 200, null, List.of());
    }

    /** Merges the record the officer did not keep into the one they kept, if neither changed since they compared. */
    void merge(Visit visit, String firstId, String secondId) throws IOException {
        String keep = visit.param("keep");
        if (!firstId.equals(keep) && !secondId.equals(keep)) {
            compare(visit, firstId, secondId, 422, visit.text("duplicates.chooseSurvivor"), List.of());
            return;
        }
        String merged = keep.equals(firstId) ? secondId : firstId;
        try {
            registry.merge(visit.caller(), keep, visit.version("version." + keep), merged,
                    visit.version("version." + merged));
        } catch (ProblemException e) {
            if (e.status() == 412 || e.status() == 409 || e.status() == 422) {
                // one of them changed (or was merged) since the comparison: show them again as they are now
                compare(visit, firstId, secondId, e.status() == 412 ? 409 : e.status(),
                        e.status() == 412 ? visit.text("duplicates.changedSince") : message(visit, e), List.of());
                return;
            }
            throw e;
        }
        visit.redirect("/volunteers/" + keep + "?done=merged");
    }

    void dismiss(Visit visit, String firstId, String secondId) throws IOException {
        try {
            registry.dismissDuplicate(visit.caller(), firstId, secondId, visit.param("reason"));
        } catch (ProblemException e) {
            if (e.status() == 422 || e.status() == 409) {
                compare(visit, firstId, secondId, e.status(), message(visit, e),
                        e.errors().stream().map(f -> f.message().in(visit.language().locale())).toList());
                return;
            }
            throw e;
        }
        visit.redirect("/duplicates?done=dismissed");
    }

    private void compare(Visit visit, String firstId, String secondId, int status, String problem,
            List<String> errors) throws IOException {
        if (firstId.equals(secondId)) {
            throw ProblemException.badRequest("same-record", visit.localized("duplicates.sameRecord"));
        }
        Volunteer first = registry.get(visit.caller(), firstId);
        Volunteer second = registry.get(visit.caller(), secondId);
        Map<String, Object> a = records.whole(visit, first);
        Map<String, Object> b = records.whole(visit, second);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String key : COMPARED) {
            rows.add(Map.of("key", key, "first", String.valueOf(a.get(key)), "second", String.valueOf(b.get(key)),
                    "differ", !Objects.equals(a.get(key), b.get(key))));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("first", a);
        model.put("second", b);
        model.put("rows", rows);
        model.put("mayWrite", RecordView.mayWrite(visit, first) && RecordView.mayWrite(visit, second));
        model.put("problem", problem == null ? "" : problem);
        model.put("errors", errors);
        model.put("reasonMax", VolunteerPages.MAX_REASON);
        visit.render(status, "duplicate", model);
    }


    private static String message(Visit visit, ProblemException e) {
        return e.detail().in(visit.language().locale());
    }
}

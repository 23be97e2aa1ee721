package org.apom.web.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.Masking;
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

    private final VolunteerRegistry registry;
    private final AreaDirectory areas;

    VolunteerPages(VolunteerRegistry registry, AreaDirectory areas) {
        this.registry = registry;
        this.areas = areas;
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
        model.put("items", found.items().stream().map(v -> row(visit, v)).toList());
        model.put("next", found.nextCursor() == null ? "" : found.nextCursor());
        visit.render(200, "volunteers", model);
    }

    void show(Visit visit, String id) throws IOException {
        Volunteer v = registry.get(visit.caller(), id);
        Map<String, Object> model = new HashMap<>(row(visit, v));
        boolean unmasked = AccessPolicy.allows(visit.caller(), Action.PERSONAL_DATA_READ, v.provinceCode());
        model.put("masked", !unmasked);
        model.put("birthDate", unmasked ? visit.formats().date(v.birthDate()) : Masking.birthDate(v.birthDate()));
        model.put("phone", text(unmasked ? v.phone() : Masking.phone(v.phone())));
        model.put("address", text(unmasked ? v.address() : Masking.address(v.address())));
        model.put("gender", visit.text("gender." + v.gender().name()));
        model.put("nameEn", text(v.firstNameEn()) + " " + text(v.lastNameEn()));
        model.put("subdistrict", areas.subdistrict(v.subdistrictCode()).map(s -> visit.language() == Language.TH
                ? s.nameTh() : s.nameEn()).orElse(v.subdistrictCode().value()));
        model.put("district", areas.district(v.districtCode()).map(d -> visit.language() == Language.TH
                ? d.nameTh() : d.nameEn()).orElse(v.districtCode().value()));
        model.put("registeredOn", visit.formats().date(v.registeredOn()));
        model.put("statusReason", text(v.statusReason()));
        model.put("statusChangedOn", visit.formats().date(v.statusChangedOn()));
        model.put("lastVerifiedBy", text(v.lastVerifiedBy()));
        model.put("version", v.version());
        model.put("mayWrite", AccessPolicy.allows(visit.caller(), Action.VOLUNTEERS_WRITE, v.provinceCode())
                && v.mergedInto() == null);
        model.put("done", "verified".equals(visit.param("done")) ? visit.text("volunteer.verifiedDone") : "");
        visit.render(200, "volunteer", model);
    }

    void verify(Visit visit, String id) {
        registry.verify(visit.caller(), id);
        visit.redirect("/volunteers/" + id + "?done=verified");
    }

    private static VolunteerStatus status(Visit visit, String value) {
        try {
            return VolunteerStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("status", new InvalidValueException("unknown-status",
                    visit.localized("volunteers.badStatus")));
        }
    }

    private Map<String, Object> row(Visit visit, Volunteer v) {
        boolean unmasked = AccessPolicy.allows(visit.caller(), Action.PERSONAL_DATA_READ, v.provinceCode());
        Map<String, Object> row = new HashMap<>();
        row.put("id", v.id());
        row.put("name", text(v.title()) + v.firstName() + " " + v.lastName());
        row.put("nationalId", unmasked ? v.nationalId().value() : Masking.nationalId(v.nationalId()));
        row.put("province", areas.province(v.provinceCode()).map(p -> DashboardPage.name(visit, p))
                .orElse(v.provinceCode().value()));
        row.put("statusName", v.status().name());
        row.put("statusText", visit.text("status." + v.status().name()));
        row.put("lastVerifiedOn", v.lastVerifiedOn() == null ? visit.text("volunteer.neverVerified")
                : visit.formats().date(v.lastVerifiedOn()));
        row.put("mergedInto", text(v.mergedInto()));
        return row;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

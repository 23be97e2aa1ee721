package org.apom.web.internal;

import java.util.HashMap;
import java.util.Map;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.Masking;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;

/**
 * A record as a page shows it to the signed-in person: personal data masked exactly as the API masks it unless their
 * role may read it for the record's province, dates in the page's calendar, areas by name.
 */
final class RecordView {

    private final AreaDirectory areas;

    RecordView(AreaDirectory areas) {
        this.areas = areas;
    }

    /** What a list's row shows. */
    Map<String, Object> row(Visit visit, Volunteer v) {
        boolean unmasked = unmasked(visit, v);
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

    /** Everything a record's page shows. */
    Map<String, Object> whole(Visit visit, Volunteer v) {
        boolean unmasked = unmasked(visit, v);
        Map<String, Object> model = row(visit, v);
        model.put("masked", !unmasked);
        model.put("birthDate", unmasked ? visit.formats().date(v.birthDate()) : Masking.birthDate(v.birthDate()));
        model.put("phone", text(unmasked ? v.phone() : Masking.phone(v.phone())));
        model.put("address", text(unmasked ? v.address() : Masking.address(v.address())));
        model.put("gender", visit.text("gender." + v.gender().name()));
        model.put("nameEn", (text(v.firstNameEn()) + " " + text(v.lastNameEn())).strip());
        model.put("subdistrict", areas.subdistrict(v.subdistrictCode()).map(s -> visit.language() == Language.TH
                ? s.nameTh() : s.nameEn()).orElse(v.subdistrictCode().value()));
        model.put("district", areas.district(v.districtCode()).map(d -> visit.language() == Language.TH
                ? d.nameTh() : d.nameEn()).orElse(v.districtCode().value()));
        model.put("registeredOn", visit.formats().date(v.registeredOn()));
        model.put("statusReason", text(v.statusReason()));
        model.put("statusChangedOn", visit.formats().date(v.statusChangedOn()));
        model.put("lastVerifiedBy", text(v.lastVerifiedBy()));
        model.put("version", v.version());
        return model;
    }

    /**
     * A person's name, or their record's id when the record is not one this person may read. (The registry audits
     * the read as it audits any read of a record.)
     */
    static String nameOrId(VolunteerRegistry registry, Visit visit, String volunteerId) {
        try {
            Volunteer v = registry.get(visit.caller(), volunteerId);
            return v.firstName() + " " + v.lastName();
        } catch (org.apom.core.api.problem.ProblemException e) {
            return volunteerId;
        }
    }

    static boolean unmasked(Visit visit, Volunteer v) {
        return AccessPolicy.allows(visit.caller(), Action.PERSONAL_DATA_READ, v.provinceCode());
    }

    /** Whether the signed-in person may change the record (a merged record is changed through its survivor). */
    static boolean mayWrite(Visit visit, Volunteer v) {
        return AccessPolicy.allows(visit.caller(), Action.VOLUNTEERS_WRITE, v.provinceCode()) && v.mergedInto() == null;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

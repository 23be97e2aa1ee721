package org.apom.registry.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apom.core.api.Masking;
import org.apom.registry.api.Volunteer;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;

/** Who sees a volunteer's personal data unmasked (the permission table's personal-data:read row). */
public final class PersonalData {

    private PersonalData() {
    }

    public static boolean visibleTo(Caller caller, Volunteer v) {
        return AccessPolicy.allows(caller, Action.PERSONAL_DATA_READ, v.provinceCode());
    }

    /** One audit entry for a whole page of a list: which records it disclosed unmasked, if any. */
    static void auditDisclosure(AuditTrail audit, Caller caller, String list, Stream<Volunteer> shown) {
        List<String> disclosed = shown.filter(v -> visibleTo(caller, v)).map(Volunteer::id).toList();
        if (!disclosed.isEmpty()) {
            audit.record(caller, "volunteer.read-personal", "volunteer", list, caller.province(), null,
                    Map.of("ids", disclosed));
        }
    }

    /**
     * A record as the audit trail keeps it: personal data masked, because auditors read the trail and may not
     * see it; everything else as it is.
     */
    static Map<String, Object> auditState(Volunteer v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("nationalId", Masking.nationalId(v.nationalId()));
        s.put("title", v.title());
        s.put("firstName", v.firstName());
        s.put("lastName", v.lastName());
        s.put("firstNameEn", v.firstNameEn());
        s.put("lastNameEn", v.lastNameEn());
        s.put("birthDate", Masking.birthDate(v.birthDate()));
        s.put("gender", v.gender().name());
        s.put("phone", Masking.phone(v.phone()));
        s.put("subdistrictCode", v.subdistrictCode().value());
        s.put("address", Masking.address(v.address()));
        s.put("registeredOn", v.registeredOn().toString());
        s.put("status", v.status().name());
        s.put("statusReason", v.statusReason());
        s.put("lastVerifiedOn", v.lastVerifiedOn() == null ? null : v.lastVerifiedOn().toString());
        // the change feed tells integrators the version each change made (VolunteerChanges)
        s.put("version", v.version());
        return s;
    }
}

package org.apom.registry.internal;

import java.time.Instant;
import java.util.UUID;

import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerStatus;
import org.apom.registry.internal.jpa.VolunteerEntity;

/** Checked data into stored records: the one place that knows which search keys a record carries. */
final class VolunteerEntities {

    private VolunteerEntities() {
    }

    /** A new active record with a new id. */
    static VolunteerEntity create(ValidVolunteer v, Instant now) {
        return new VolunteerEntity(UUID.randomUUID().toString(), volunteer(v, null, null), key(v.firstName()),
                key(v.lastName()), key(v.firstNameEn()), key(v.lastNameEn()), now);
    }

    /** Takes the checked fields into a stored record, keeping its status, verification and registration day. */
    static void update(VolunteerEntity entity, ValidVolunteer v) {
        Volunteer current = entity.toDTO();
        entity.update(volunteer(v, current.id(), current), key(v.firstName()), key(v.lastName()),
                key(v.firstNameEn()), key(v.lastNameEn()));
    }

    private static Volunteer volunteer(ValidVolunteer v, String id, Volunteer current) {
        return new Volunteer(id, v.nationalId(), v.title(), v.firstName(), v.lastName(), v.firstNameEn(),
                v.lastNameEn(), v.birthDate(), v.gender(), v.phone(), v.subdistrict().code(),
                v.subdistrict().districtCode(), v.subdistrict().districtCode().province(), v.address(),
                current == null ? v.registeredOn() : current.registeredOn(),
                current == null ? VolunteerStatus.ACTIVE : current.status(), null, null, null, null, null, 0);
    }

    private static String key(String name) {
        return TextRules.searchKey(name);
    }
}

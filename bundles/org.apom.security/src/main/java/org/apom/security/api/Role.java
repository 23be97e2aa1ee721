package org.apom.security.api;

import java.util.Arrays;
import java.util.Locale;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;

/** The roles of the platform; province admins and officers are bound to one province. */
public enum Role {
    CENTRAL_ADMIN(false, 4),
    PROVINCE_ADMIN(true, 3),
    PROVINCE_OFFICER(true, 2),
    AUDITOR(false, 1),
    INTEGRATOR(false, 1);

    private final boolean provinceBound;
    private final int rank;

    Role(boolean provinceBound, int rank) {
        this.provinceBound = provinceBound;
        this.rank = rank;
    }

    /** The name used in the API and the JAAS realm, for example {@code province-officer}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isProvinceBound() {
        return provinceBound;
    }

    /** Whether a holder of this role may grant {@code other}: only roles strictly below one's own. */
    public boolean outranks(Role other) {
        return rank > other.rank;
    }

    public static Role fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidValueException("role", LocalizedText.of(
                        "Unknown role '" + id + "'; roles are " + ids() + ".",
                        "ไม่รู้จักบทบาท '" + id + "' บทบาทที่มีคือ " + ids())));
    }

    private static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Role::id).toList());
    }
}

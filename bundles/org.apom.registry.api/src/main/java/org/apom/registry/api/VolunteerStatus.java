package org.apom.registry.api;

import java.util.EnumSet;
import java.util.Set;

/** Where a volunteer stands; only some transitions are legal (a deceased person does not come back). */
public enum VolunteerStatus {
    ACTIVE, SUSPENDED, RESIGNED, DECEASED;

    /** The statuses this one may change to. */
    public Set<VolunteerStatus> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(SUSPENDED, RESIGNED, DECEASED);
            case SUSPENDED -> EnumSet.of(ACTIVE, RESIGNED, DECEASED);
            case RESIGNED -> EnumSet.of(ACTIVE, DECEASED);
            case DECEASED -> EnumSet.noneOf(VolunteerStatus.class);
        };
    }

    public boolean mayBecome(VolunteerStatus other) {
        return next().contains(other);
    }
}

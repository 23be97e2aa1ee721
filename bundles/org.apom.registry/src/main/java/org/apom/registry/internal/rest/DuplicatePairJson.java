package org.apom.registry.internal.rest;

import org.apom.registry.api.DuplicatePair;
import org.apom.registry.internal.PersonalData;
import org.apom.security.api.Caller;

/** A suspected duplicate as the API shows it, each record masked as the caller must see it. */
public record DuplicatePairJson(String reason, VolunteerJson first, VolunteerJson second) {

    static DuplicatePairJson of(DuplicatePair pair, Caller caller) {
        return new DuplicatePairJson(pair.reason(),
                VolunteerJson.of(pair.first(), PersonalData.visibleTo(caller, pair.first())),
                VolunteerJson.of(pair.second(), PersonalData.visibleTo(caller, pair.second())));
    }
}

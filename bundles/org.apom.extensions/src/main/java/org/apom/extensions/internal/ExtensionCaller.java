package org.apom.extensions.internal;

import java.util.Set;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;

/**
 * The caller a province's record checks read its records as: an integrator-like caller named after the province,
 * that may read volunteers and their personal data of that province only. Extension code never holds it: the
 * runner reads the records and hands them to the checks.
 */
final class ExtensionCaller {

    private static final Set<String> SCOPES = Set.of(Action.VOLUNTEERS_READ.id(), Action.PERSONAL_DATA_READ.id());

    private ExtensionCaller() {
    }

    /** The reader of a province's records for its record checks (personal data included, as the checks need it). */
    static Caller checkReader(ProvinceCode province) {
        return Caller.token("extension-checks:" + province.value(), SCOPES, province);
    }
}

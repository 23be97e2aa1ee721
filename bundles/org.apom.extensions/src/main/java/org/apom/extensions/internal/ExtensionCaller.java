package org.apom.extensions.internal;

import java.util.Set;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.osgi.framework.Bundle;

/**
 * The caller an extension's reads go out as: an integrator-like caller named after the bundle, that may read
 * volunteers and their personal data of the extension's own province only (of every province for a
 * ministry-wide one). A bundle without a valid {@code Apom-Province} header reads nothing.
 */
final class ExtensionCaller {

    private static final Set<String> SCOPES = Set.of(Action.VOLUNTEERS_READ.id(), Action.PERSONAL_DATA_READ.id());

    private ExtensionCaller() {
    }

    /** The reader of a province's records for its record checks (personal data included, as the checks need it). */
    static Caller checkReader(ProvinceCode province) {
        return Caller.token("extension-checks:" + province.value(), SCOPES, province);
    }

    /** @return the caller, or {@code null} when the bundle names no valid province */
    static Caller of(Bundle bundle) {
        String province = bundle.getHeaders("").get(ExtensionJar.PROVINCE_HEADER);
        if (province == null) {
            return null;
        }
        String name = "extension:" + bundle.getSymbolicName();
        if (ExtensionJar.EVERY_PROVINCE.equals(province.strip())) {
            return Caller.token(name, SCOPES, null);
        }
        try {
            return Caller.token(name, SCOPES, ProvinceCode.of(province.strip()));
        } catch (InvalidValueException notAProvince) {
            return null;
        }
    }
}

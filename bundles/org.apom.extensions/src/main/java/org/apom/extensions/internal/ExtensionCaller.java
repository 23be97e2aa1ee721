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

    private ExtensionCaller() {
    }

    /** @return the caller, or {@code null} when the bundle names no valid province */
    static Caller of(Bundle bundle) {
        String province = bundle.getHeaders("").get(ExtensionJar.PROVINCE_HEADER);
        if (province == null) {
            return null;
        }
        Set<String> scopes = Set.of(Action.VOLUNTEERS_READ.id(), Action.PERSONAL_DATA_READ.id());
        String name = "extension:" + bundle.getSymbolicName();
        if (ExtensionJar.EVERY_PROVINCE.equals(province.strip())) {
            return Caller.token(name, scopes, null);
        }
        try {
            return Caller.token(name, scopes, ProvinceCode.of(province.strip()));
        } catch (InvalidValueException notAProvince) {
            return null;
        }
    }
}

package org.apom.extensions.internal;

import org.apom.core.api.ProvinceCode;
import org.apom.extensions.api.RecordCheck;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A {@link RecordCheck} as the platform knows it: who contributed it (bundle and version) and for which
 * province ({@code *}: every province), read once when it arrives, since its bundle may be gone later.
 */
record ContributedCheck(ServiceReference<RecordCheck> reference, RecordCheck check, String code, String source,
        String version, String province) {

    /**
     * @return the check, or {@code null} when its bundle is no installed extension or its code cannot be read;
     *         its province is the one stored at install ({@link ExtensionLocation})
     */
    static ContributedCheck of(RecordCheck check, ServiceReference<RecordCheck> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return null;
        }
        String province = ExtensionLocation.provinceOf(bundle);
        if (province == null) {
            return null;
        }
        String code;
        try {
            code = check.code();
        } catch (RuntimeException e) {
            return null;
        }
        return new ContributedCheck(reference, check, code == null ? "unnamed" : code, bundle.getSymbolicName(),
                bundle.getVersion().toString(), province);
    }

    boolean appliesTo(ProvinceCode p) {
        return ExtensionJar.EVERY_PROVINCE.equals(province) || p.value().equals(province);
    }
}

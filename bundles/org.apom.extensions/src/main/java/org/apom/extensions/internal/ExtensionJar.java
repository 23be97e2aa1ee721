package org.apom.extensions.internal;

import org.osgi.framework.Version;

/**
 * A jar that passed every rule of {@link JarRules}.
 *
 * @param province the province it serves, or {@code *} for a ministry-wide extension
 */
record ExtensionJar(String symbolicName, Version version, String province, byte[] bytes) {

    static final String PROVINCE_HEADER = "Apom-Province";
    static final String EVERY_PROVINCE = "*";

    boolean ministryWide() {
        return EVERY_PROVINCE.equals(province);
    }
}

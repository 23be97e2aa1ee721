package org.apom.extensions.internal;

import org.osgi.framework.Bundle;

/**
 * Where the manager installs an extension: {@code apom-extension:<province>/<symbolic name>}, with the province
 * the rules and the installer's rights were checked against ({@code *}: every province). At run time the
 * platform reads an extension's province here, never from its {@code Apom-Province} header: only the manager
 * chooses a location, the framework keeps it for the bundle's life (restarts included), and the header is
 * whatever manifest the framework ended up reading.
 * <p>
 * A new version is installed beside the one that serves, at {@code apom-extension:<province>/<tag>/<symbolic
 * name>} (the tag tells the two apart: a prefix of the jar's digest), so that both run until the switch; both
 * forms name the same province and extension.
 */
record ExtensionLocation(String province, String symbolicName) {

    static final String PREFIX = "apom-extension:";

    static String of(String province, String symbolicName) {
        return PREFIX + province + "/" + symbolicName;
    }

    /** Where a version runs beside another of the same extension until one of them is removed. */
    static String beside(String province, String symbolicName, String tag) {
        return PREFIX + province + "/" + tag + "/" + symbolicName;
    }

    static boolean isExtension(Bundle bundle) {
        return bundle != null && bundle.getLocation().startsWith(PREFIX);
    }

    /** @return where the bundle is an extension installed by the manager, or {@code null} (also for a bundle of
     *         an older platform, at {@code apom-extension:<symbolic name>}, which names no province) */
    static ExtensionLocation parse(Bundle bundle) {
        return isExtension(bundle) ? parse(bundle.getLocation()) : null;
    }

    static ExtensionLocation parse(String location) {
        if (!location.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = location.substring(PREFIX.length()).split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                return null;
            }
        }
        return parts.length == 2 || parts.length == 3 ? new ExtensionLocation(parts[0], parts[parts.length - 1]) : null;
    }

    /** @return the stored province of an extension bundle, or {@code null} when it is none */
    static String provinceOf(Bundle bundle) {
        ExtensionLocation location = parse(bundle);
        return location == null ? null : location.province();
    }
}

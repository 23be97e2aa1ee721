package org.apom.extensions.internal;

import org.osgi.framework.Bundle;

/**
 * Where the manager installs an extension: {@code apom-extension:<province>/<symbolic name>}, with the province
 * the rules and the installer's rights were checked against ({@code *}: every province). At run time the
 * platform reads an extension's province here, never from its {@code Apom-Province} header: only the manager
 * chooses a location, the framework keeps it for the bundle's life (restarts included), and the header is
 * whatever manifest the framework ended up reading.
 */
record ExtensionLocation(String province, String symbolicName) {

    static final String PREFIX = "apom-extension:";

    static String of(String province, String symbolicName) {
        return PREFIX + province + "/" + symbolicName;
    }

    static boolean isExtension(Bundle bundle) {
        return bundle != null && bundle.getLocation().startsWith(PREFIX);
    }

    /** @return where the bundle is an extension installed by the manager, or {@code null} (also for a bundle of
     *         an older platform, at {@code apom-extension:<symbolic name>}, which names no province) */
    static ExtensionLocation parse(Bundle bundle) {
        if (!isExtension(bundle)) {
            return null;
        }
        String rest = bundle.getLocation().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash <= 0 ? null : new ExtensionLocation(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** @return the stored province of an extension bundle, or {@code null} when it is none */
    static String provinceOf(Bundle bundle) {
        ExtensionLocation location = parse(bundle);
        return location == null ? null : location.province();
    }
}

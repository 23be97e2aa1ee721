package org.apom.rest.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/** Tells the platform's own bundles from provincial extensions (which carry an Apom-Province header). */
public final class CoreBundles {

    public static final String PROVINCE_HEADER = "Apom-Province";

    private CoreBundles() {
    }

    public static boolean isCore(Bundle b) {
        String name = b.getSymbolicName();
        return name != null && name.startsWith("org.apom.") && b.getHeaders("").get(PROVINCE_HEADER) == null;
    }

    public static boolean isFragment(Bundle b) {
        return b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}

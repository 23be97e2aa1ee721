package org.apom.extensions.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;

/**
 * The extension bundles that run but do not serve: during a swap, the new version until the switch and the old
 * one after it, until it is removed. The platform takes nothing from them (their record checks are not run), so
 * that what a province gets is always one version's.
 */
@Component(service = ExtensionStandby.class)
public final class ExtensionStandby {

    private final Set<Long> bundles = ConcurrentHashMap.newKeySet();

    void add(Bundle bundle) {
        bundles.add(bundle.getBundleId());
    }

    void remove(Bundle bundle) {
        bundles.remove(bundle.getBundleId());
    }

    /** Whether the bundle runs beside the version that serves; a bundle that is gone ({@code null}) serves nothing. */
    boolean isStandby(Bundle bundle) {
        return bundle == null || bundles.contains(bundle.getBundleId());
    }
}

package org.apom.extensions.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;

/**
 * The extension bundles that run but do not serve: during a swap, the new version until the switch and the old
 * one after it, until it is removed. The platform takes nothing from them (their record checks are not run), so
 * that what a province gets is always one version's. It also holds each province's change lock.
 */
@Component(service = ExtensionStandby.class)
public final class ExtensionStandby {

    private final Set<Long> bundles = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> provinceLocks = new ConcurrentHashMap<>();

    /**
     * The lock of one province's changes. Kept here, not in the manager: a manager restarted by a configuration
     * change starts (and restores) while a change of the one before may still run on a request thread.
     */
    Object lockOf(String province) {
        return provinceLocks.computeIfAbsent(province, p -> new Object());
    }

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

package org.apom.extensions.admin;

import java.time.Instant;
import java.util.List;

/**
 * An installed extension.
 *
 * @param province its province code, or {@code *}
 * @param state the bundle's state ({@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, or {@code MISSING})
 * @param previousVersion what a rollback returns to, or {@code null}
 * @param trust {@code reviewed}, {@code signed} or {@code development}; {@code null} once its approval was revoked
 */
public record InstalledExtension(String symbolicName, String province, String version, String previousVersion,
        String state, List<String> services, String lastError, String changedBy, Instant changedAt, String trust) {

    public InstalledExtension {
        services = List.copyOf(services);
    }
}

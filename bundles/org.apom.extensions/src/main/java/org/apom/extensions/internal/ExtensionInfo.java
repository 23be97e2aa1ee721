package org.apom.extensions.internal;

import java.time.Instant;
import java.util.List;

/**
 * An installed extension as the list shows it.
 *
 * @param province its province code, or {@code *}
 * @param state the bundle's state ({@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, or {@code MISSING})
 * @param services the service interfaces it registered
 */
public record ExtensionInfo(String symbolicName, String province, String version, String previousVersion,
        String state, List<String> services, String lastError, String changedBy, Instant changedAt) {
}

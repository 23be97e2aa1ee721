package org.apom.extensions.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apom.extensions.internal.jpa.ExtensionEntity;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An installed extension as the list shows it.
 *
 * @param province its province code, or {@code *}
 * @param state the bundle's state ({@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, or {@code MISSING})
 * @param services the service interfaces it registered
 * @param trust why its jar was let in: {@code reviewed} (approved by a central reviewer), {@code signed} (by a key
 *        in the ministry's trust store) or {@code development} (development mode: no review)
 */
public record ExtensionInfo(String symbolicName, String province, String version,
        @Schema(nullable = true) String previousVersion, String state, List<String> services,
        @Schema(nullable = true) String lastError, String changedBy, Instant changedAt,
        @Schema(nullable = true, allowableValues = {"reviewed", "signed", "development"},
                description = "why it runs; null once it runs no more (its approval was revoked)") String trust) {

    /** @param runtimeError what last went wrong in the running version on this node, if the record has nothing */
    static ExtensionInfo of(ExtensionEntity e, Bundle bundle, String runtimeError) {
        List<String> services = bundle == null || bundle.getRegisteredServices() == null ? List.of()
                : Arrays.stream(bundle.getRegisteredServices())
                        .flatMap(r -> Stream.of((String[]) r.getProperty(Constants.OBJECTCLASS))).distinct().sorted().toList();
        return new ExtensionInfo(e.symbolicName(), e.province(), e.currentVersion(), e.previousVersion(),
                bundle == null ? "MISSING" : stateName(bundle.getState()), services,
                e.lastError() != null ? e.lastError() : runtimeError, e.changedBy(),
                e.changedAt(), e.trust());
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "INSTALLED";
        };
    }
}

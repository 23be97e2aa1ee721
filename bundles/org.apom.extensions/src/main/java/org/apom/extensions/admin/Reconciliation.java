package org.apom.extensions.admin;

import java.time.Instant;

/**
 * A node's bundles disagreed with the extension records, and the manager repaired it (docs/extensions.md).
 *
 * @param disagreement {@code bundle-without-record}, {@code record-without-bundle}, {@code versions-differ} or
 *        {@code several-bundles}
 * @param bundleVersion the version the framework had, or {@code null}
 * @param recordVersion the version the record names, or {@code null} when there was none
 * @param outcome {@code uninstalled}, {@code reinstalled} or {@code replaced}
 * @since 1.1
 */
public record Reconciliation(Instant at, String symbolicName, String province, String disagreement,
        String bundleVersion, String recordVersion, String outcome) {
}

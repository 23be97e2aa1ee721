package org.apom.extensions.internal;

import java.time.Instant;

import org.apom.extensions.internal.jpa.ReconciliationEntity;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the manager found when a node's framework and the extension records disagreed, and what it did.
 *
 * @param disagreement {@code bundle-without-record}, {@code record-without-bundle}, {@code versions-differ} (the
 *        bundle runs another version or other bytes than the record's), {@code several-bundles}
 * @param bundleVersion the version the framework had, if it had one
 * @param recordVersion the version the record names, if there was a record
 * @param outcome {@code uninstalled}, {@code reinstalled} (from the stored jar), {@code replaced} (by the stored jar)
 */
public record Reconciliation(Instant at, String symbolicName, String province,
        @Schema(allowableValues = {"bundle-without-record", "record-without-bundle", "versions-differ",
                "several-bundles"}) String disagreement,
        @Schema(nullable = true) String bundleVersion, @Schema(nullable = true) String recordVersion,
        @Schema(allowableValues = {"uninstalled", "reinstalled", "replaced"}) String outcome) {

    static final String BUNDLE_WITHOUT_RECORD = "bundle-without-record";
    static final String RECORD_WITHOUT_BUNDLE = "record-without-bundle";
    static final String VERSIONS_DIFFER = "versions-differ";
    static final String SEVERAL_BUNDLES = "several-bundles";
    static final String UNINSTALLED = "uninstalled";
    static final String REINSTALLED = "reinstalled";
    static final String REPLACED = "replaced";

    static Reconciliation of(ReconciliationEntity e) {
        return new Reconciliation(e.at(), e.symbolicName(), e.province(), e.disagreement(), e.bundleVersion(),
                e.recordVersion(), e.outcome());
    }
}

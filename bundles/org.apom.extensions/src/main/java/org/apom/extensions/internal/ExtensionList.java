package org.apom.extensions.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The extensions a caller manages, as a list page is shaped (always whole), with what the manager last found and
 * repaired where a node's framework and the records disagreed: an extension removed for want of a record is in
 * no item, so this is the only place an administrator sees it went.
 *
 * @param reconciled the newest first, at most {@link ExtensionReconciler#SHOWN}, of the provinces the caller manages
 */
public record ExtensionList(List<ExtensionInfo> items, @Schema(nullable = true) String nextCursor,
        List<Reconciliation> reconciled) {

    public ExtensionList {
        items = List.copyOf(items);
        reconciled = List.copyOf(reconciled);
    }
}

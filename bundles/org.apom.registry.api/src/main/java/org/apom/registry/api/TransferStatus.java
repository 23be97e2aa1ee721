package org.apom.registry.api;

/** Where a transfer request stands: asked, then approved (the record moved) or rejected; never back. */
public enum TransferStatus {
    REQUESTED, APPROVED, REJECTED
}

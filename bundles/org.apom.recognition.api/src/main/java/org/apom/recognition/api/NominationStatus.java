package org.apom.recognition.api;

/**
 * Where a nomination stands. It moves from the province's draft to the ministry's conferral, and may be rejected or
 * withdrawn while it is open; the last three are final.
 */
public enum NominationStatus {
    DRAFT, SUBMITTED, ENDORSED, APPROVED, CONFERRED, REJECTED, WITHDRAWN;

    /** Whether it may still move: not conferred, rejected or withdrawn. */
    public boolean open() {
        return this == DRAFT || this == SUBMITTED || this == ENDORSED || this == APPROVED;
    }
}

package org.apom.networks.api;

import java.time.LocalDate;

/**
 * A volunteer's membership of a network for a stretch of time; ended memberships are kept as history.
 *
 * @param until the last day of membership; {@code null} while it lasts
 */
public record Membership(String networkId, String volunteerId, LocalDate since, LocalDate until, String addedBy,
        String endedBy, String endReason) {

    /** Whether the volunteer was a member on that day. */
    public boolean coversDay(LocalDate day) {
        return !day.isBefore(since) && (until == null || !day.isAfter(until));
    }
}

package org.apom.networks.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A network's committee for one term. Appointing a new one replaces it and keeps it in history.
 *
 * @param replacedAt when a later committee replaced this one; {@code null} for the current committee
 * @param version the network's committee version after this appointment (the committee's ETag)
 */
public record Committee(String id, String networkId, LocalDate termStart, LocalDate termEnd, List<CommitteeSeat> seats,
        String appointedBy, Instant appointedAt, Instant replacedAt, long version) {

    public Committee {
        seats = List.copyOf(seats);
    }

    /** Whether the term covers the day. */
    public boolean inTerm(LocalDate day) {
        return !day.isBefore(termStart) && !day.isAfter(termEnd);
    }
}

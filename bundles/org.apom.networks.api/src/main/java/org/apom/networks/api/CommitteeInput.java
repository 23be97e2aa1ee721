package org.apom.networks.api;

import java.util.List;

/**
 * A committee as a caller appoints it: the term (ISO or d/m/yyyy in the Buddhist era) and the seats.
 *
 * @param seats each seat's {@code volunteerId} and {@code position}
 */
public record CommitteeInput(String termStart, String termEnd, List<Seat> seats) {

    public CommitteeInput {
        // not List.copyOf: a null element is the caller's mistake, answered by validation
        seats = seats == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(seats));
    }

    /** One seat as given: the position as text ({@code CHAIR}, {@code VICE_CHAIR}, ...). */
    public record Seat(String volunteerId, String position) {
    }
}

package org.apom.networks.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One activity of a network: what was done, on which day, by which of its members, for how many people.
 *
 * @param kind a code of the activity catalogue ({@link ActivityKind})
 * @param participants the volunteers who took part, members of the network on that day (left empty in lists, which
 *        give {@code participantCount} only)
 * @param participantCount how many took part
 * @param beneficiaries the people helped
 * @param hours the hours each participant gave
 */
public record Activity(String id, String networkId, LocalDate date, String kind, String title,
        List<String> participants, int participantCount, int beneficiaries, BigDecimal hours, String recordedBy, Instant recordedAt) {

    public Activity {
        participants = List.copyOf(participants);
    }
}

package org.apom.networks.api;

import java.util.List;

/**
 * An activity as a caller records it; one activity may be recorded for many participants at once.
 *
 * @param date ISO or d/m/yyyy in the Buddhist era
 * @param hours per participant, a decimal number (e.g. {@code "2.5"})
 */
public record ActivityInput(String date, String kind, String title, List<String> participants, String beneficiaries,
        String hours) {

    public ActivityInput {
        participants = participants == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(participants));
    }
}

package org.apom.networks.api;

import java.time.LocalDate;

/** Which activities of a network to list; {@code null} fields do not filter, dates inclusive. */
public record ActivityQuery(LocalDate from, LocalDate to, String kind) {

    public static ActivityQuery all() {
        return new ActivityQuery(null, null, null);
    }
}

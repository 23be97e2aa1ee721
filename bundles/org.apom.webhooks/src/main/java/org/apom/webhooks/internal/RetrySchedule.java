package org.apom.webhooks.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The waits between a failed attempt and the next ({@code 5s,5m,30m,2h}); after the last, a message is given up. */
record RetrySchedule(List<Duration> waits) {

    private static final Pattern WAIT = Pattern.compile("(\\d{1,6})(s|m|h)");

    RetrySchedule {
        waits = List.copyOf(waits);
    }

    static RetrySchedule parse(String text) {
        List<Duration> waits = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = WAIT.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("retrySchedule: '" + part.strip()
                        + "' is not a wait such as 5s, 5m or 2h");
            }
            long n = Long.parseLong(m.group(1));
            waits.add(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        return new RetrySchedule(waits);
    }

    /** When to try again after the failed attempt at retry step {@code step}; {@code null} when none is left. */
    Instant next(int step, Instant failedAt) {
        return step < waits.size() ? failedAt.plus(waits.get(step)) : null;
    }

    /** How long a message that never gets through is retried. */
    Duration total() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}

package org.apom.security.shell;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * How the {@code apom:} tables print a value, the same in every command: {@code -} for nothing (so that a
 * {@code --no-format} line keeps one cell per column), times in UTC to the second, lists sorted and comma-joined.
 */
public final class Cells {

    private Cells() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Instant at) {
            return at.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty() ? "-"
                    : items.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
        }
        // control characters (a name given through the API, a manifest header) would move the cursor, recolour
        // or forge rows of a table that a reviewer or a script reads
        String text = value.toString().replaceAll("\\p{Cc}", "\uFFFD");
        return text.isEmpty() ? "-" : text;
    }
}

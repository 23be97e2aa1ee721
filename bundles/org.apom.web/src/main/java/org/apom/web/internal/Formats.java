package org.apom.web.internal;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apom.core.api.BuddhistEra;

/** Dates and numbers as each language prints them: Thai dates in the Buddhist era (1 ต.ค. 2568). */
final class Formats {

    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Language language;

    Formats(Language language) {
        this.language = language;
    }

    /** The date as the page prints it; "" for none. */
    String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return language == Language.TH ? BuddhistEra.thaiDate(date) : ENGLISH_DATE.format(date);
    }

    String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** A share out of 100, to one decimal. */
    String percent(double share) {
        return String.format(Locale.US, "%.1f%%", share);
    }
}

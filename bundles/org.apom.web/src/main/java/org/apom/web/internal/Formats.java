package org.apom.web.internal;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apom.core.api.BuddhistEra;

/** Dates and numbers as each language prints them: Thai dates in the Buddhist era (1 ต.ค. 2568). */
final class Formats {

    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** The cookie that keeps the choice of Thai digits (๐-๙) for dates and figures; Arabic digits otherwise. */
    static final String DIGITS_COOKIE = "apom-digits";

    private final Language language;
    private final boolean thaiDigits;

    Formats(Language language, boolean thaiDigits) {
        this.language = language;
        this.thaiDigits = thaiDigits;
    }

    /** The date as the page prints it; "" for none. */
    String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return digits(language == Language.TH ? BuddhistEra.thaiDate(date) : ENGLISH_DATE.format(date));
    }

    /** The day of a moment in Thailand; "" for none. */
    String day(Instant at) {
        return at == null ? "" : date(at.atZone(THAILAND).toLocalDate());
    }

    /** A moment as the day and the minute in Thailand; "" for none. */
    String dateTime(Instant at) {
        return at == null ? "" : day(at) + " " + digits(MINUTE.format(at.atZone(THAILAND)));
    }

    String count(long n) {
        return digits(NumberFormat.getIntegerInstance(Locale.US).format(n));
    }

    /** A share out of 100, to one decimal. */
    String percent(double share) {
        return digits(String.format(Locale.US, "%.1f%%", share));
    }

    /** The text with its digits as the reader chose them. */
    String digits(String text) {
        if (!thaiDigits) {
            return text;
        }
        StringBuilder thai = new StringBuilder(text.length());
        text.chars().forEach(c -> thai.append(c >= '0' && c <= '9' ? (char) ('๐' + (c - '0')) : (char) c));
        return thai.toString();
    }
}

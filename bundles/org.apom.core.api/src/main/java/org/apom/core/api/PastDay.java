package org.apom.core.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A day that has happened, as people in Thai offices write it: ISO ({@code 2026-03-15}) or d/m/yyyy in the Buddhist
 * era ({@code 15/3/2569}), with Thai or Arabic digits. An ISO date with a Buddhist year lies centuries ahead and is
 * refused with a hint rather than taken for a Gregorian one.
 *
 * @since 1.2
 */
public final class PastDay {

    private PastDay() {
    }

    /**
     * The day the text names, on or before {@code today} and not before 1900.
     *
     * @throws InvalidValueException {@code required}, {@code format}, {@code era}, {@code date}, {@code future} or
     *         {@code too-old}
     */
    public static LocalDate parse(String text, LocalDate today) {
        String t = text == null ? "" : ThaiDigits.toAscii(text.strip());
        if (t.isEmpty()) {
            throw new InvalidValueException("required", LocalizedText.of(
                    "A date is required (2026-03-15, or 15/3/2569 in the Buddhist era).", "ต้องระบุวันที่ (เช่น 15/3/2569)"));
        }
        LocalDate date;
        try {
            date = t.contains("/") ? BuddhistEra.parseDate(t) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("format", LocalizedText.of(
                    "A date is written 2026-03-15, or 15/3/2569 in the Buddhist era.",
                    "วันที่ต้องเขียนแบบ 2026-03-15 หรือ 15/3/2569 (พ.ศ.)"));
        }
        if (date.isAfter(today)) {
            boolean buddhist = date.getYear() > today.getYear() + 400;
            throw new InvalidValueException("future", buddhist
                    ? LocalizedText.of("This date is in the future; the year looks Buddhist-era: write d/m/yyyy for those.",
                            "วันที่อยู่ในอนาคต ปีนี้น่าจะเป็น พ.ศ. ให้เขียนแบบ ว/ด/ปปปป")
                    : LocalizedText.of("This date is in the future.", "วันที่อยู่ในอนาคต"));
        }
        if (date.getYear() < 1900) {
            throw new InvalidValueException("too-old", LocalizedText.of("This date is before 1900.",
                    "วันที่ก่อนปี ค.ศ. 1900"));
        }
        return date;
    }
}

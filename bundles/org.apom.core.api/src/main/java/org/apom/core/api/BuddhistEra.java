package org.apom.core.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Buddhist era (พ.ศ.) as Thai offices write it: year = Gregorian year + 543, dates as d/m/yyyy.
 */
public final class BuddhistEra {

    /** Years between the two eras. */
    public static final int OFFSET = 543;

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private static final String[] THAI_MONTHS = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
        "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

    private BuddhistEra() {
    }

    public static int toGregorian(int buddhistYear) {
        return buddhistYear - OFFSET;
    }

    public static int fromGregorian(int gregorianYear) {
        return gregorianYear + OFFSET;
    }

    /**
     * Parses d/m/yyyy with a Buddhist-era year (15/3/2510 is 1967-03-15), in ASCII or Thai digits.
     *
     * @throws InvalidValueException with code {@code format} or {@code date} when the text is not such a date
     */
    public static LocalDate parseDate(String text) {
        String ascii = text == null ? "" : ThaiDigits.toAscii(text.strip());
        Matcher m = DAY_MONTH_YEAR.matcher(ascii);
        if (!m.matches()) {
            throw new InvalidValueException("format", LocalizedText.of(
                    "Expected a date as d/m/yyyy in the Buddhist era, for example 15/3/2510.",
                    "วันที่ต้องอยู่ในรูป ว/ด/ปปปป (พ.ศ.) เช่น 15/3/2510"));
        }
        int year = Integer.parseInt(m.group(3));
        if (year < 2400) {
            throw new InvalidValueException("era", LocalizedText.of(
                    "The year " + year + " is not a Buddhist-era year (expected 2400 or later).",
                    "ปี " + year + " ไม่ใช่ปีพุทธศักราช (ต้องไม่น้อยกว่า 2400)"));
        }
        try {
            return LocalDate.of(toGregorian(year), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            throw new InvalidValueException("date", LocalizedText.of(
                    "There is no such date: " + text.strip() + ".", "ไม่มีวันที่ " + text.strip() + " ในปฏิทิน"));
        }
    }

    /**
     * Formats a date as Thai offices print it, with the month's short Thai name: 1 ต.ค. 2568.
     *
     * @since 1.3
     */
    public static String thaiDate(LocalDate date) {
        return date.getDayOfMonth() + " " + THAI_MONTHS[date.getMonthValue() - 1] + " " + fromGregorian(date.getYear());
    }

    /** Formats a date as d/m/yyyy in the Buddhist era. */
    public static String formatDate(LocalDate date) {
        return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + fromGregorian(date.getYear());
    }
}

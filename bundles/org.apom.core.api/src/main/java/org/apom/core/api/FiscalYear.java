package org.apom.core.api;

import java.time.LocalDate;
import java.time.Month;

/**
 * A Thai government fiscal year: 1 October to 30 September, named by the Buddhist-era year in which it
 * ends (fiscal year 2569 runs from 2025-10-01 to 2026-09-30).
 */
public record FiscalYear(int buddhistYear) implements Comparable<FiscalYear> {

    /** Bounds that keep typing mistakes (a Gregorian year, a missing digit) out. */
    public static final int MIN = 2500;
    public static final int MAX = 2700;

    public FiscalYear {
        if (buddhistYear < MIN || buddhistYear > MAX) {
            throw new InvalidValueException("range", LocalizedText.of(
                    "A fiscal year is a Buddhist-era year between " + MIN + " and " + MAX + "; got " + buddhistYear + ".",
                    "ปีงบประมาณต้องเป็นปีพุทธศักราชระหว่าง " + MIN + " ถึง " + MAX + " แต่ได้รับ " + buddhistYear));
        }
    }

    public static FiscalYear of(int buddhistYear) {
        return new FiscalYear(buddhistYear);
    }

    /** The fiscal year that contains the date. */
    public static FiscalYear of(LocalDate date) {
        int endsInGregorian = date.getMonthValue() >= Month.OCTOBER.getValue() ? date.getYear() + 1 : date.getYear();
        return new FiscalYear(BuddhistEra.fromGregorian(endsInGregorian));
    }

    /** 1 October of the previous Gregorian year. */
    public LocalDate start() {
        return LocalDate.of(BuddhistEra.toGregorian(buddhistYear) - 1, Month.OCTOBER, 1);
    }

    /** 30 September, the last day (inclusive). */
    public LocalDate end() {
        return LocalDate.of(BuddhistEra.toGregorian(buddhistYear), Month.SEPTEMBER, 30);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public FiscalYear previous() {
        return new FiscalYear(buddhistYear - 1);
    }

    public FiscalYear next() {
        return new FiscalYear(buddhistYear + 1);
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(buddhistYear, other.buddhistYear);
    }

    @Override
    public String toString() {
        return Integer.toString(buddhistYear);
    }
}

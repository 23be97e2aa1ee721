package org.apom.recognition.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured rules of every award and the quotas, read from etc/org.apom.recognition.cfg. No threshold lives in
 * code: the regulations change, and central IT changes the file. A value that is not a number in range is left out
 * (and logged), so the rule falls back to its default rather than to something nobody meant.
 * <ul>
 * <li>{@code continuousYears}, {@code minYearsBetweenClasses}: defaults for every award;</li>
 * <li>{@code rules}: one award's own, as {@code <CODE>.<rule>=<value>}, comma-separated: {@code continuousYears},
 * {@code minYearsRegistered}, {@code minYearsBetweenClasses}; {@code requires} (award codes joined by {@code +} that
 * must be held first); {@code holdOnce} ({@code true}: received once in a life, not once a year);</li>
 * <li>{@code quotas}: nominations a province may submit for an award in a fiscal year, as {@code <CODE>=<n>},
 * {@code <CODE>.<province>=<n>}, {@code <CODE>.<year>=<n>} or {@code <CODE>.<province>.<year>=<n>}, the most specific
 * winning; none: no limit.</li>
 * </ul>
 */
final class AwardRules {

    static final int DEFAULT_CONTINUOUS_YEARS = 3;
    static final int DEFAULT_YEARS_BETWEEN_CLASSES = 5;
    static final int DEFAULT_PROGRAM_TIMEOUT_MILLIS = 2000;
    /** The most years any rule may name; a service record of that many years is still one short read. */
    static final int MAX_YEARS = 50;
    static final int MAX_QUOTA = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(AwardRules.class);
    private static final Set<String> AWARD_RULES = Set.of("continuousYears", "minYearsRegistered",
            "minYearsBetweenClasses", "requires", "holdOnce");
    private static final String CODE = "[A-Z][A-Z0-9_]{1,39}";

    private final int continuousYears;
    private final int minYearsBetweenClasses;
    private final int programTimeoutMillis;
    /** {@code award.<CODE>.<rule>} and {@code quota.<CODE>[.<province>][.<year>]} to their values */
    private final Map<String, String> values;

    private AwardRules(int continuousYears, int minYearsBetweenClasses, int programTimeoutMillis,
            Map<String, String> values) {
        this.continuousYears = continuousYears;
        this.minYearsBetweenClasses = minYearsBetweenClasses;
        this.programTimeoutMillis = programTimeoutMillis;
        this.values = values;
    }

    static AwardRules of(RecognitionConfig config) {
        return of(config.continuousYears(), config.minYearsBetweenClasses(), config.programTimeoutMillis(),
                config.rules(), config.quotas());
    }

    static AwardRules of(int continuousYears, int minYearsBetweenClasses, int programTimeoutMillis, String[] rules,
            String[] quotas) {
        Map<String, String> values = new HashMap<>();
        for (String entry : entries(rules)) {
            String[] kv = entry.split("=", 2);
            String[] key = kv[0].strip().split("\\.");
            if (kv.length == 2 && key.length == 2 && key[0].matches(CODE) && AWARD_RULES.contains(key[1])) {
                boolean numeric = !key[1].equals("requires") && !key[1].equals("holdOnce");
                if (!numeric || wholeNumber(kv[1], MAX_YEARS) != null) {
                    values.put("award." + key[0] + "." + key[1], kv[1].strip());
                } else {
                    LOG.warn("etc/org.apom.recognition.cfg: the rule '{}' is not a number from 0 to {} and is ignored",
                            entry, MAX_YEARS);
                }
            } else {
                LOG.warn("etc/org.apom.recognition.cfg: the rule '{}' is not <CODE>.<rule>=<value> and is ignored",
                        entry);
            }
        }
        for (String entry : entries(quotas)) {
            String[] kv = entry.split("=", 2);
            String key = kv[0].strip();
            if (kv.length == 2 && key.matches(CODE + "(\\.\\d{2})?(\\.\\d{4})?")
                    && wholeNumber(kv[1], MAX_QUOTA) != null) {
                values.put("quota." + key, kv[1].strip());
            } else {
                LOG.warn("etc/org.apom.recognition.cfg: the quota '{}' is not <CODE>[.<province>][.<year>]=<n> (n "
                        + "from 0 to {}) and is ignored", entry, MAX_QUOTA);
            }
        }
        return new AwardRules(bounded("continuousYears", continuousYears, DEFAULT_CONTINUOUS_YEARS),
                bounded("minYearsBetweenClasses", minYearsBetweenClasses, DEFAULT_YEARS_BETWEEN_CLASSES),
                programTimeoutMillis < 10 || programTimeoutMillis > 60_000 ? DEFAULT_PROGRAM_TIMEOUT_MILLIS
                        : programTimeoutMillis, values);
    }

    private static List<String> entries(String[] values) {
        List<String> entries = new java.util.ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.strip());
                }
            }
        }
        return entries;
    }

    private static int bounded(String key, int value, int fallback) {
        if (value < 0 || value > MAX_YEARS) {
            LOG.warn("etc/org.apom.recognition.cfg: {} = {} is not from 0 to {}; {} applies", key, value, MAX_YEARS,
                    fallback);
            return fallback;
        }
        return value;
    }

    /** How long a province's program may take to check one person for one award. */
    int programTimeoutMillis() {
        return programTimeoutMillis;
    }

    /** Fiscal years before the nomination's that must each have an activity; 0 when not asked. */
    int continuousYears(String award) {
        return number("award." + award + ".continuousYears", continuousYears);
    }

    /** The most fiscal years of continuous service any award asks for. */
    int longestContinuity() {
        int longest = continuousYears;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith("award.") && e.getKey().endsWith(".continuousYears")) {
                longest = Math.max(longest, Integer.parseInt(e.getValue()));
            }
        }
        return longest;
    }

    /** Full years from registration to the fiscal year's last day; {@code null} when not asked. */
    Integer minYearsRegistered(String award) {
        String key = "award." + award + ".minYearsRegistered";
        return values.containsKey(key) ? Integer.valueOf(values.get(key)) : null;
    }

    int minYearsBetweenClasses(String award) {
        return number("award." + award + ".minYearsBetweenClasses", minYearsBetweenClasses);
    }

    List<String> requires(String award) {
        String value = values.get("award." + award + ".requires");
        return value == null || value.isBlank() ? List.of()
                : List.of(value.split("\\+")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    boolean holdOnce(String award) {
        return Boolean.parseBoolean(values.get("award." + award + ".holdOnce"));
    }

    /** How many nominations the province may submit for the award in the year; {@code null}: no limit. */
    Integer quota(String award, String province, int fiscalYear) {
        for (String key : List.of("quota." + award + "." + province + "." + fiscalYear,
                "quota." + award + "." + province, "quota." + award + "." + fiscalYear, "quota." + award)) {
            if (values.containsKey(key)) {
                return Integer.valueOf(values.get(key));
            }
        }
        return null;
    }

    private int number(String key, int fallback) {
        String value = values.get(key);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** A whole number from 0 to {@code max}, or {@code null}. */
    private static Integer wholeNumber(String text, int max) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 0 && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package org.apom.core.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A message in English and Thai; callers pick one with {@link #in(Locale)}.
 */
public record LocalizedText(String en, String th) {

    public LocalizedText {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(th, "th");
    }

    public static LocalizedText of(String en, String th) {
        return new LocalizedText(en, th);
    }

    /** Thai for a Thai locale, English for anything else (including {@code null}). */
    public String in(Locale locale) {
        return locale != null && "th".equals(locale.getLanguage()) ? th : en;
    }
}

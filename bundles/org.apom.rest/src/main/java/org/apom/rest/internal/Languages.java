package org.apom.rest.internal;

import java.util.List;
import java.util.Locale;

/** Picks the answer's language from Accept-Language: Thai if the caller prefers it to English, else English. */
final class Languages {

    static final Locale THAI = Locale.forLanguageTag("th");

    private Languages() {
    }

    /** @param acceptable the caller's languages, most preferred first (as JAX-RS orders them) */
    static Locale choose(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("th".equals(locale.getLanguage())) {
                return THAI;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }
}

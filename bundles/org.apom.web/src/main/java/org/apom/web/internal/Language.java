package org.apom.web.internal;

import java.util.Locale;

/** The workspace's two languages: Thai first, English by a switch the browser keeps in a cookie. */
enum Language {
    TH(Locale.forLanguageTag("th")), EN(Locale.ENGLISH);

    static final String COOKIE = "apom-lang";

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    String tag() {
        return locale.getLanguage();
    }

    /** The language a cookie names; Thai for anything else. */
    static Language of(String value) {
        return "en".equals(value) ? EN : TH;
    }
}

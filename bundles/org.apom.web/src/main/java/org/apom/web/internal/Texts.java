package org.apom.web.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;

import org.apom.core.api.LocalizedText;

/**
 * The workspace's words in each language, from {@code i18n/texts_th.properties} and {@code i18n/texts_en.properties}
 * (UTF-8). A key missing from a language is a build fault that a unit test catches, not a blank on a page.
 */
final class Texts {

    private final Map<Language, Map<String, String>> byLanguage = new EnumMap<>(Language.class);

    Texts() {
        for (Language language : Language.values()) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.texts", language.locale(),
                    Texts.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                            ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> words = new HashMap<>();
            bundle.keySet().forEach(key -> words.put(key, bundle.getString(key)));
            byLanguage.put(language, Collections.unmodifiableMap(words));
        }
    }

    Map<String, String> in(Language language) {
        return byLanguage.get(language);
    }

    /** The text in both languages, for a problem the platform's services also raise. */
    LocalizedText localized(String key) {
        return LocalizedText.of(get(Language.EN, key), get(Language.TH, key));
    }

    String get(Language language, String key) {
        String text = byLanguage.get(language).get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key + " in " + language);
        }
        return text;
    }
}

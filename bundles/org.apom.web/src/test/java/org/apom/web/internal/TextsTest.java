package org.apom.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TextsTest {

    private final Texts texts = new Texts();

    @Test
    void everyWordIsInBothLanguagesAndThaiIsThai() {
        Set<String> thai = texts.in(Language.TH).keySet();
        assertEquals(new TreeSet<>(thai), new TreeSet<>(texts.in(Language.EN).keySet()));
        assertEquals("ภาพรวม", texts.get(Language.TH, "dashboard.title"));
        assertEquals("Dashboard", texts.get(Language.EN, "dashboard.title"));
        assertEquals("ไม่พบหน้านี้", texts.localized("error.notFound").th());
    }

    /** A key a template or the code names but no language has would fail a page at its first visit. */
    @Test
    void everyKeyTheTemplatesAndPagesNameExists() throws IOException {
        Set<String> named = new HashSet<>();
        Pattern inTemplate = Pattern.compile("(?<![A-Za-z0-9_])t\\[\"([a-zA-Z0-9.]+)\"\\]|(?<![A-Za-z0-9_.])t\\.([a-zA-Z0-9]+)");
        for (String template : new String[] {"layout", "sign-in", "error", "dashboard", "volunteers", "volunteer"}) {
            Matcher m = inTemplate.matcher(read("templates/" + template + ".ftlh"));
            while (m.find()) {
                named.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertFalse(named.isEmpty());
        for (String key : named) {
            assertTrue(texts.in(Language.TH).containsKey(key), key);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = TextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

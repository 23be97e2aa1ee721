package org.apom.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final Templates templates = new Templates();
    private final Texts texts = new Texts();

    private Map<String, Object> frame(Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("t", texts.in(language));
        model.put("lang", language.tag());
        model.put("path", "/volunteers/v1");
        model.put("thaiDigits", false);
        model.put("requestId", "r-1");
        model.put("user", "cm-officer");
        model.put("csrf", "token-1");
        model.put("userProvince", "50");
        return model;
    }

    @Test
    void aVolunteersNameNeverBecomesMarkup() {
        Map<String, Object> model = frame(Language.TH);
        model.putAll(Map.ofEntries(Map.entry("id", "v1"), Map.entry("name", "<script>alert(1)</script>สมชาย"),
                Map.entry("nationalId", "x-xxxx-xxxx5-63-5"), Map.entry("province", "เชียงใหม่"),
                Map.entry("statusName", "ACTIVE"), Map.entry("statusText", "ปฏิบัติงาน"),
                Map.entry("lastVerifiedOn", "1 ต.ค. 2568"), Map.entry("mergedInto", ""), Map.entry("masked", true),
                Map.entry("birthDate", "1980"), Map.entry("phone", "xxx"), Map.entry("address", "xxx"),
                Map.entry("gender", "ชาย"), Map.entry("nameEn", " "), Map.entry("subdistrict", "ศรีภูมิ"),
                Map.entry("district", "เมืองเชียงใหม่"), Map.entry("registeredOn", "1 ม.ค. 2560"),
                Map.entry("statusReason", "\"><img src=x onerror=alert(1)>"), Map.entry("statusChangedOn", ""),
                Map.entry("lastVerifiedBy", ""), Map.entry("version", 3L), Map.entry("mayWrite", true),
                Map.entry("done", ""), Map.entry("nextStatuses", List.of(Map.of("name", "SUSPENDED", "text", "พัก"))),
                Map.entry("statusProblem", ""), Map.entry("statusErrors", List.of()), Map.entry("reasonMax", 500)));
        String page = templates.render("volunteer", model);
        assertFalse(page.contains("<script>alert(1)</script>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;สมชาย"), page);
        assertFalse(page.contains("<img src=x"), page);
        assertTrue(page.contains("name=\"_csrf\" value=\"token-1\""), "the verify form carries the token");
        assertTrue(page.contains("<html lang=\"th\">"));
    }

    @Test
    void theErrorPageSaysWhatWentWrongInTheVisitorsLanguage() {
        Map<String, Object> model = frame(Language.EN);
        model.putAll(Map.of("status", 403, "code", "forbidden", "detail", "You may see only your own province.",
                "errors", List.of()));
        String page = templates.render("error", model);
        assertTrue(page.contains("data-status=\"403\""), page);
        assertTrue(page.contains("You may see only your own province."), page);
        assertTrue(page.contains("r-1"), "the request id, for the administrator");
    }

    @Test
    void theConflictPageShowsBothValuesAsTextAndKeepsTheChoiceInTheForm() {
        Map<String, Object> model = frame(Language.TH);
        String forged = "\"><script>alert(1)</script>";
        Map<String, Object> row = new HashMap<>(Map.of("name", "address", "theirs", "1 หมู่ 2", "mine", forged,
                "theirsShown", "1 หมู่ 2", "mineShown", forged, "theirsChanged", true, "mineChanged", true,
                "differ", true, "chooseMine", true));
        Map<String, Object> same = new HashMap<>(row);
        same.putAll(Map.of("name", "firstName", "theirs", "สมศรี", "theirsShown", "สมศรี", "differ", false));
        model.putAll(Map.of("id", "v1", "name", "สมศรี ใจดี", "version", 7L, "rows", List.of(row, same),
                "conflicts", 1L));
        String page = templates.render("volunteer-conflict", model);
        assertFalse(page.contains("<script>alert(1)</script>"), page);
        assertTrue(page.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), page);
        assertTrue(page.contains("id=\"mine-address\" aria-describedby=\"c-address\" checked"), page);
        assertTrue(page.contains("name=\"version\" value=\"7\""), "saved against the version now stored");
        assertTrue(page.contains("name=\"firstName\" value=\"สมศรี\""), "a field both sides agree on goes as is");
        assertTrue(page.contains("name=\"_csrf\" value=\"token-1\""));
    }
}

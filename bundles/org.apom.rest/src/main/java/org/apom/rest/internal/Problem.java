package org.apom.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.FieldError;

/** An error answer before its language is chosen. */
record Problem(int status, String code, LocalizedText detail, List<FieldError> errors) {

    static final String TYPE_PREFIX = "urn:apom:problem:";

    private static final Map<Integer, LocalizedText> TITLES = Map.ofEntries(
            Map.entry(400, LocalizedText.of("Bad Request", "คำขอไม่ถูกต้อง")),
            Map.entry(401, LocalizedText.of("Unauthorized", "ต้องยืนยันตัวตนก่อน")),
            Map.entry(403, LocalizedText.of("Forbidden", "ไม่มีสิทธิ์ดำเนินการ")),
            Map.entry(404, LocalizedText.of("Not Found", "ไม่พบข้อมูล")),
            Map.entry(405, LocalizedText.of("Method Not Allowed", "ไม่รองรับเมธอดนี้")),
            Map.entry(406, LocalizedText.of("Not Acceptable", "ไม่สามารถตอบในรูปแบบที่ขอได้")),
            Map.entry(409, LocalizedText.of("Conflict", "ข้อมูลขัดแย้งกับที่มีอยู่")),
            Map.entry(412, LocalizedText.of("Precondition Failed", "ข้อมูลถูกแก้ไขไปก่อนแล้ว")),
            Map.entry(413, LocalizedText.of("Content Too Large", "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป")),
            Map.entry(415, LocalizedText.of("Unsupported Media Type", "ไม่รองรับชนิดข้อมูลนี้")),
            Map.entry(422, LocalizedText.of("Unprocessable Content", "ข้อมูลไม่ผ่านการตรวจสอบ")),
            Map.entry(428, LocalizedText.of("Precondition Required", "ต้องระบุ If-Match")),
            Map.entry(429, LocalizedText.of("Too Many Requests", "ส่งคำขอถี่เกินไป")),
            Map.entry(500, LocalizedText.of("Internal Server Error", "เกิดข้อผิดพลาดภายในระบบ")),
            Map.entry(503, LocalizedText.of("Service Unavailable", "ระบบไม่พร้อมให้บริการชั่วคราว")));

    Problem {
        errors = List.copyOf(errors);
    }

    static Problem of(int status, String code, LocalizedText detail) {
        return new Problem(status, code, detail, List.of());
    }

    static LocalizedText title(int status) {
        LocalizedText title = TITLES.get(status);
        if (title != null) {
            return title;
        }
        return status < 500 ? LocalizedText.of("Client Error", "คำขอไม่ถูกต้อง")
                : LocalizedText.of("Server Error", "เกิดข้อผิดพลาดภายในระบบ");
    }

    ProblemJson toJson(Locale locale, String instance) {
        return new ProblemJson(TYPE_PREFIX + code, title(status).in(locale), status, detail.in(locale), instance,
                errors.stream().map(e -> new ProblemJson.FieldErrorJson(e.field(), e.code(), e.message().in(locale)))
                        .toList());
    }
}

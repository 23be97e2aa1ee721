package org.apom.rest.internal;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;

import org.apom.core.api.problem.TransientFailures;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns whatever a request failed with into a {@link Problem}: the domain's own problems as they are, the
 * JAX-RS runtime's and Jackson's failures into stable codes, and anything else into a 500 that names only a
 * reference to the log line (never a class name or a stack trace).
 */
final class Problems {

    private Problems() {
    }

    static Problem from(Throwable failure, String incidentId) {
        return from(failure, incidentId, false);
    }

    /** @param extensionRequest whether the request was for a province's extension endpoint */
    static Problem from(Throwable failure, String incidentId, boolean extensionRequest) {
        ProblemException p = cause(failure, ProblemException.class);
        if (p != null) {
            // also when a parser or the runtime wrapped it (a body stream that hit its size limit)
            return new Problem(p.status(), p.code(), p.detail(), p.errors());
        }
        if (failure instanceof InvalidValueException e) {
            return Problem.of(400, e.code(), e.text());
        }
        JsonProcessingException json = cause(failure, JsonProcessingException.class);
        if (json != null) {
            return fromJson(json);
        }
        if (failure instanceof WebApplicationException w) {
            return fromWebApplication(w, incidentId);
        }
        if (TransientFailures.concurrentChange(failure)) {
            return Problem.of(409, "concurrent-change", LocalizedText.of(
                    "Someone else changed this record at the same moment; read it again and repeat your change.",
                    "มีผู้อื่นแก้ไขข้อมูลนี้ในเวลาเดียวกัน กรุณาอ่านข้อมูลใหม่แล้วแก้ไขอีกครั้ง"));
        }
        if (TransientFailures.uniqueViolation(failure)) {
            // two requests inserted the same key at once and the database's constraint stopped the second
            return Problem.of(409, "duplicate", LocalizedText.of(
                    "A record with the same key was created at the same moment.",
                    "มีการสร้างข้อมูลที่ใช้คีย์เดียวกันในเวลาเดียวกัน"));
        }
        if (TransientFailures.database(failure)) {
            return Problem.of(503, "busy", LocalizedText.of(
                    "The platform is too busy to answer this now; please try again in a moment.",
                    "ขณะนี้ระบบมีผู้ใช้งานมาก กรุณาลองใหม่อีกครั้งในอีกสักครู่"));
        }
        if (extensionRequest && TransientFailures.extensionGone(failure)) {
            return extensionSwapping();
        }
        return internal(incidentId);
    }

    /** A province's extension met while it is being replaced: its old classes, or its application rebuilt. */
    static Problem extensionSwapping() {
        return Problem.of(503, "extension-swapping", LocalizedText.of(
                "This province's extension is being replaced; please try again in a moment.",
                "ส่วนขยายของจังหวัดนี้กำลังถูกเปลี่ยนรุ่น กรุณาลองใหม่อีกครั้งในอีกสักครู่"));
    }

    static Problem internal(String incidentId) {
        return Problem.of(500, "internal-error", LocalizedText.of(
                "Something went wrong on our side. Please report incident " + incidentId + ".",
                "ระบบขัดข้อง กรุณาแจ้งผู้ดูแลระบบพร้อมรหัสเหตุการณ์ " + incidentId));
    }

    static String newIncidentId() {
        return UUID.randomUUID().toString();
    }

    // by status, not exception class: the JAX-RS runtime does not always throw the specific subclass
    /** A 405 naming the methods the address accepts. */
    static Problem methodNotAllowed(SortedSet<String> allowed) {
        String named = String.join(", ", allowed);
        return Problem.of(405, "method-not-allowed", LocalizedText.of(
                "This address does not accept that method. Allowed: " + named + ".",
                "ที่อยู่นี้ไม่รองรับเมธอดดังกล่าว เมธอดที่ใช้ได้: " + named));
    }

    private static Problem fromWebApplication(WebApplicationException w, String incidentId) {
        int status = w.getResponse() == null ? 500 : w.getResponse().getStatus();
        switch (status) {
            case 404:
                if (w.getCause() != null) {
                    // JAX-RS answers 404 when a @QueryParam or @PathParam value does not convert to its Java
                    // type; for the caller that is a malformed request, not a missing resource
                    return Problem.of(400, "invalid-parameter", LocalizedText.of(
                            "A parameter of the request has a value of the wrong type.",
                            "พารามิเตอร์ของคำขอมีชนิดข้อมูลไม่ถูกต้อง"));
                }
                return Problem.of(404, "not-found", LocalizedText.of(
                        "There is nothing at this address.", "ไม่พบข้อมูลที่ที่อยู่นี้"));
            case 405:
                return methodNotAllowed(new TreeSet<>(w.getResponse().getAllowedMethods()));
            case 406:
                return Problem.of(406, "not-acceptable", LocalizedText.of(
                        "None of the media types in Accept can be produced here.",
                        "ไม่สามารถตอบในรูปแบบที่ระบุใน Accept ได้"));
            case 415:
                return Problem.of(415, "unsupported-media-type", LocalizedText.of(
                        "The request body's Content-Type is not accepted here.",
                        "ไม่รองรับ Content-Type ของข้อมูลที่ส่งมา"));
            default:
                if (status >= 500) {
                    return internal(incidentId);
                }
                return Problem.of(status, "http-" + status, LocalizedText.of(
                        "The request cannot be served as sent.", "ไม่สามารถดำเนินการตามคำขอนี้ได้"));
        }
    }

    private static Problem fromJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return new Problem(400, "unknown-field", LocalizedText.of(
                    "The request has a field this resource does not know: " + field + ".",
                    "คำขอมีฟิลด์ที่ไม่รู้จัก: " + field),
                    List.of(new FieldError(field, "unknown", LocalizedText.of("Unknown field.", "ไม่รู้จักฟิลด์นี้"))));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            return new Problem(400, "invalid-json", LocalizedText.of(
                    "The field " + field + " has a value of the wrong type.", "ฟิลด์ " + field + " มีชนิดข้อมูลไม่ถูกต้อง"),
                    List.of(new FieldError(field, "type", LocalizedText.of("Wrong type.", "ชนิดข้อมูลไม่ถูกต้อง"))));
        }
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return Problem.of(400, "malformed-json", LocalizedText.of(
                "The request body is not valid JSON (line " + line + ", column " + column + ").",
                "ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง (บรรทัด " + line + " คอลัมน์ " + column + ")"));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

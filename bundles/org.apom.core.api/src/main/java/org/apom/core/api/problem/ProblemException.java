package org.apom.core.api.problem;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;

/**
 * A failure a caller can act on. Services throw it; the REST layer renders it as problem+json with
 * {@link #status()} and the stable {@link #code()}. Never carries a stack trace or class name to the caller.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final LocalizedText detail;
    private final transient List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ProblemException(int status, String code, LocalizedText detail, List<FieldError> errors) {
        this(status, code, detail, errors, null);
    }

    /** @param retryAfterSeconds when the caller may try again (a 429 or 503 says so in Retry-After) */
    public ProblemException(int status, String code, LocalizedText detail, List<FieldError> errors,
            Long retryAfterSeconds) {
        super(Objects.requireNonNull(detail, "detail").en(), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException badRequest(String code, LocalizedText detail) {
        return new ProblemException(400, code, detail, List.of());
    }

    /** A malformed parameter: 400 naming the parameter. */
    public static ProblemException badParameter(String parameter, InvalidValueException e) {
        return new ProblemException(400, "invalid-parameter", LocalizedText.of(
                "The parameter '" + parameter + "' is not valid.", "พารามิเตอร์ '" + parameter + "' ไม่ถูกต้อง"),
                List.of(FieldError.of(parameter, e)));
    }

    /** Parses a path or query parameter; a value that does not parse is a 400 naming the parameter. */
    public static <T> T parameter(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (InvalidValueException e) {
            throw badParameter(name, e);
        }
    }

    public static ProblemException notFound(String code, LocalizedText detail) {
        return new ProblemException(404, code, detail, List.of());
    }

    public static ProblemException conflict(String code, LocalizedText detail) {
        return new ProblemException(409, code, detail, List.of());
    }

    /** Well-formed but invalid data: 422 with every field that is wrong. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(422, "validation", LocalizedText.of(
                "The data is not valid; see errors.", "ข้อมูลไม่ถูกต้อง ดูรายละเอียดใน errors"), errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public LocalizedText detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds after which the request may be tried again; {@code null} when that does not apply. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

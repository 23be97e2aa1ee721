package org.apom.core.api;

import java.util.Objects;

/**
 * A value that cannot be parsed or fails its rule. {@link #code()} is a stable, language-free identifier
 * (for example {@code checksum}); {@link #text()} explains it in English and Thai.
 */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final LocalizedText text;

    public InvalidValueException(String code, LocalizedText text) {
        super(Objects.requireNonNull(text, "text").en());
        this.code = Objects.requireNonNull(code, "code");
        this.text = text;
    }

    public String code() {
        return code;
    }

    public LocalizedText text() {
        return text;
    }
}

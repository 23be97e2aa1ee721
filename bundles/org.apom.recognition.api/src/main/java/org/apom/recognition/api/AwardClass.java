package org.apom.recognition.api;

import java.util.Objects;

import org.apom.core.api.LocalizedText;

/**
 * One class of a graded award (Direkgunabhorn's seven), as its program defines it. An award lists its classes lowest
 * first: a person is first nominated for the lowest and moves up one class at a time.
 */
public final class AwardClass {

    private final String code;
    private final LocalizedText name;

    private AwardClass(String code, LocalizedText name) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** @param code capital letters, digits and underscores, unique within the award */
    public static AwardClass of(String code, LocalizedText name) {
        return new AwardClass(code, name);
    }

    public String code() {
        return code;
    }

    public LocalizedText name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AwardClass c && c.code.equals(code) && c.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, name);
    }

    @Override
    public String toString() {
        return code;
    }
}

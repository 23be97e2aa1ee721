package org.apom.recognition.api;

import java.util.Objects;

import org.apom.core.api.LocalizedText;

/**
 * Why a volunteer is not eligible for an award: a code a program can act on and a sentence a person reads. The
 * platform's own codes are the constants here; a province's program may add codes of its own.
 */
public final class Reason {

    /** The volunteer's record is not active (suspended, resigned, deceased, merged into another). */
    public static final String NOT_ACTIVE = "NOT_ACTIVE";
    /** The award requires a conferred national outstanding volunteer award (the honour pin). */
    public static final String NOT_NATIONAL_OUTSTANDING = "NOT_NATIONAL_OUTSTANDING";
    /** The award requires another award, conferred before, that the volunteer does not hold. */
    public static final String PREREQUISITE_MISSING = "PREREQUISITE_MISSING";
    /** No activity in one of the last fiscal years the award looks at. */
    public static final String SERVICE_NOT_CONTINUOUS = "SERVICE_NOT_CONTINUOUS";
    /** Registered as a volunteer fewer years than the award asks. */
    public static final String TOO_FEW_YEARS = "TOO_FEW_YEARS";
    /** Already holds the award (or, for a graded one, its highest class). */
    public static final String ALREADY_HOLDS = "ALREADY_HOLDS";
    /** A graded award's previous class was conferred too few years ago. */
    public static final String CLASS_TOO_SOON = "CLASS_TOO_SOON";
    /** A nomination for the award in the fiscal year is open already. */
    public static final String PENDING_NOMINATION = "PENDING_NOMINATION";
    /** A province's program for the award failed or took too long: try again later. */
    public static final String NOT_CHECKED = "NOT_CHECKED";

    private final String code;
    private final LocalizedText text;

    private Reason(String code, LocalizedText text) {
        this.code = Objects.requireNonNull(code, "code");
        this.text = Objects.requireNonNull(text, "text");
    }

    public static Reason of(String code, LocalizedText text) {
        return new Reason(code, text);
    }

    public String code() {
        return code;
    }

    public LocalizedText text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reason r && r.code.equals(code) && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, text);
    }

    @Override
    public String toString() {
        return code + ": " + text.en();
    }
}

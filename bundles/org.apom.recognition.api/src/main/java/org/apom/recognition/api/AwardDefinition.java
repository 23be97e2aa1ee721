package org.apom.recognition.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apom.core.api.LocalizedText;

/**
 * An award as its {@link AwardProgram} defines it. Where it may be given is not the program's to say: the platform
 * knows it from where the program's bundle was installed (a province's extension: that province only).
 * <p>
 * Thresholds (years of service, years since registration, prerequisites, quotas) are not part of a definition: they
 * are the platform's configuration, as the regulations change (docs/api.md, "Recognition").
 */
public final class AwardDefinition {

    private final String code;
    private final LocalizedText name;
    private final List<AwardClass> classes;

    private AwardDefinition(Builder b) {
        this.code = Objects.requireNonNull(b.code, "code");
        this.name = Objects.requireNonNull(b.name, "name");
        this.classes = List.copyOf(b.classes);
    }

    /** @param code capital letters, digits and underscores, e.g. {@code P50_LANNA_HONOUR} */
    public static Builder builder(String code) {
        return new Builder(code);
    }

    public String code() {
        return code;
    }

    public LocalizedText name() {
        return name;
    }

    /** The classes of a graded award, lowest first; empty for an award of one kind. */
    public List<AwardClass> classes() {
        return classes;
    }

    /** Builds a definition; only the code and the name are required. */
    public static final class Builder {
        private final String code;
        private LocalizedText name;
        private final List<AwardClass> classes = new ArrayList<>();

        private Builder(String code) {
            this.code = code;
        }

        public Builder name(LocalizedText name) {
            this.name = name;
            return this;
        }

        /** Adds a class above those added before. */
        public Builder grade(AwardClass awardClass) {
            classes.add(Objects.requireNonNull(awardClass, "awardClass"));
            return this;
        }

        public AwardDefinition build() {
            return new AwardDefinition(this);
        }
    }
}

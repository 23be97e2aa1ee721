package org.apom.recognition.internal.rest;

import java.util.List;

import org.apom.core.api.LocalizedText;
import org.apom.recognition.api.Award;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An award of the catalogue as the API shows it.
 *
 * @param province the province of a province's own award; {@code null} for a national one
 * @param source {@code core}, or the extension bundle that offers it
 * @param classes a graded award's classes, lowest first
 */
public record AwardJson(String code, LocalizedText name,
        @Schema(nullable = true, description = "a province's own award; null for a national one") String province,
        String source, List<ClassJson> classes) {

    /** One class of a graded award. */
    public record ClassJson(String code, LocalizedText name) {
    }

    static AwardJson of(Award a) {
        return new AwardJson(a.code(), a.name(), a.province() == null ? null : a.province().value(), a.source(),
                a.classes().stream().map(c -> new ClassJson(c.code(), c.name())).toList());
    }
}

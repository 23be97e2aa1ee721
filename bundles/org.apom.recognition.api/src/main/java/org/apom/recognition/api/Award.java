package org.apom.recognition.api;

import java.util.List;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;

/**
 * An award of the catalogue.
 *
 * @param province the only province it is given in (a province's own award), {@code null} for a national one
 * @param source {@code core}, or the symbolic name of the extension bundle whose program offers it
 * @param classes a graded award's classes, lowest first; empty otherwise
 */
public record Award(String code, LocalizedText name, ProvinceCode province, String source, List<AwardClass> classes) {

    public Award {
        classes = List.copyOf(classes);
    }

    public boolean graded() {
        return !classes.isEmpty();
    }
}

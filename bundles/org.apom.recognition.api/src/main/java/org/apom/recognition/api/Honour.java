package org.apom.recognition.api;

import java.time.Instant;
import java.time.LocalDate;

import org.apom.core.api.ProvinceCode;

/**
 * An award a volunteer received: conferred through a nomination, or recorded from before the platform.
 *
 * @param awardClass the class of a graded award (Direkgunabhorn), {@code null} otherwise
 * @param fiscalYear the Buddhist-era fiscal year it was given for
 * @param gazetteReference where the Royal Gazette announced it, when known
 * @param nominationId the nomination that led to it, {@code null} for one recorded from before the platform
 */
public record Honour(String id, String volunteerId, ProvinceCode province, String awardCode, String awardClass,
        int fiscalYear, LocalDate conferredOn, String gazetteReference, String nominationId, String recordedBy,
        Instant recordedAt) {
}

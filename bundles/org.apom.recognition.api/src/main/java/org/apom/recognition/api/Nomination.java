package org.apom.recognition.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apom.core.api.ProvinceCode;

/**
 * A province's proposal that a volunteer receive an award for a fiscal year, and where it stands.
 *
 * @param province the volunteer's province when nominated, whose quota it uses and whose officers keep it
 * @param awardClass the class proposed, for a graded award
 * @param conferredOn the day of conferral, once conferred
 * @param gazetteReference the Royal Gazette's announcement, when known
 * @param history every move, oldest first
 * @param version moves with every transition
 */
public record Nomination(String id, String awardCode, String volunteerId, ProvinceCode province, int fiscalYear,
        String awardClass, String justification, NominationStatus status, LocalDate conferredOn,
        String gazetteReference, String createdBy, Instant createdAt, long version, List<NominationStep> history) {

    public Nomination {
        history = List.copyOf(history);
    }
}

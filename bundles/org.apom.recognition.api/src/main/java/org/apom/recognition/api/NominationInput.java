package org.apom.recognition.api;

/**
 * A new nomination as a caller gives it; the platform checks every field.
 *
 * @param fiscalYear the Buddhist-era fiscal year, e.g. {@code 2569}
 * @param awardClass a graded award's class; left out, the next class of the volunteer's
 */
public record NominationInput(String awardCode, String volunteerId, String fiscalYear, String awardClass,
        String justification) {
}

package org.apom.recognition.api;

/**
 * An honour received before the platform kept nominations, as a caller gives it.
 *
 * @param fiscalYear the Buddhist-era fiscal year it was given for
 * @param conferredOn the day (ISO or d/m/yyyy in the Buddhist era)
 */
public record HonourInput(String awardCode, String awardClass, String fiscalYear, String conferredOn,
        String gazetteReference) {
}

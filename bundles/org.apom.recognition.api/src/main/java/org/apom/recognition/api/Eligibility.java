package org.apom.recognition.api;

import java.util.List;

/**
 * Whether a volunteer may be nominated for one award in a fiscal year.
 *
 * @param awardClass for a graded award, the class a nomination would be for (the lowest the volunteer does not hold
 *        above the highest they hold); {@code null} otherwise or when they hold the highest
 * @param reasons why not; empty when eligible
 */
public record Eligibility(Award award, boolean eligible, String awardClass, List<Reason> reasons) {

    public Eligibility {
        reasons = List.copyOf(reasons);
    }
}

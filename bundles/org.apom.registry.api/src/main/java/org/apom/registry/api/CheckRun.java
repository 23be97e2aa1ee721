package org.apom.registry.api;

import java.util.List;

import org.apom.core.api.LocalizedText;

/**
 * What one contributed check (a province's own data-quality rule) found in one run.
 *
 * @param code the check's code ({@code mobile-phone})
 * @param source the bundle that contributed it, and its version
 * @param outcome whether it ran to the end
 * @param reason why it failed or was unavailable; {@code null} when it ran
 * @param recordsChecked how many records it looked at
 * @param findingCount how many findings it made in all
 * @param findings the findings, at most {@link #MAX_FINDINGS}
 */
public record CheckRun(String code, String source, String version, Outcome outcome, LocalizedText reason,
        long recordsChecked, long findingCount, List<RecordFinding> findings) {

    /** The findings a run lists; the count says how many there were in all. */
    public static final int MAX_FINDINGS = 1_000;

    public enum Outcome {
        /** Ran over every record. */
        DONE,
        /** Threw, overran its time limit, or could not be started; skipped. */
        FAILED,
        /** Its extension left or was replaced while it ran. */
        UNAVAILABLE
    }

    public CheckRun {
        findings = List.copyOf(findings);
    }
}

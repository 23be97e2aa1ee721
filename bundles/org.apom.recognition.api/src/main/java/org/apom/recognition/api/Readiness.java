package org.apom.recognition.api;

import java.util.List;

/**
 * Whether a network has what registration as an organisation asks for, as configured (a complete committee in term,
 * enough members, activity in each of the last fiscal years, a tier good enough in the latest grading).
 *
 * @param missing what it lacks, each with a code and a sentence; empty when ready
 * @since 1.1
 */
public record Readiness(boolean ready, List<Reason> missing) {

    public Readiness {
        missing = List.copyOf(missing);
    }
}

package org.apom.recognition.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Awards offered by one program, registered as a service: the platform's core awards, and a province's own from an
 * extension bundle, which are given in that province only (the platform knows the province from where the bundle was
 * installed, never from the program). The catalogue picks programs up and lets them go as they come and leave.
 * <p>
 * The platform checks every award against its configured rules (an active record, continuous service, years since
 * registration, an honour held already, an open nomination); a program adds the rules of its own awards in
 * {@link #check}. It is called from request threads, for one person at a time, and must not keep state between calls.
 */
@ConsumerType
public interface AwardProgram {

    /** The awards of the program; codes are unique on the platform (a province's may not reuse a core one). */
    List<AwardDefinition> awards();

    /**
     * Why the candidate may not receive the award in the candidate's fiscal year, beyond the platform's own rules;
     * empty when nothing of the program's stands in the way.
     *
     * @param awardCode one of {@link #awards()}
     */
    List<Reason> check(String awardCode, Candidate candidate);
}

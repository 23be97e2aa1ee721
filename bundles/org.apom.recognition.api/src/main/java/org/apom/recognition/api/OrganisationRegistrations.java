package org.apom.recognition.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Networks on their way to registration as public-benefit or community welfare organisations: NOT_STARTED →
 * PREPARING → SUBMITTED → REGISTERED or REJECTED (and from REJECTED, PREPARING again). Kept by the network's province
 * ({@code networks:write}); every move audited.
 *
 * @since 1.1
 */
@ProviderType
public interface OrganisationRegistrations {

    /**
     * The network's registration of each kind, with its readiness.
     *
     * @throws org.apom.core.api.problem.ProblemException 404 for a network the caller may not read
     */
    List<Registration> of(Caller caller, String networkId);

    /**
     * Moves the network's registration of the kind.
     *
     * @param kind {@code PUBLIC_BENEFIT} or {@code COMMUNITY_WELFARE}
     * @throws org.apom.core.api.problem.ProblemException 409 {@code illegal-transition}, 422 {@code validation}, 422
     *         {@code not-ready} (submitting what is not ready, with what is missing)
     */
    Registration change(Caller caller, String networkId, String kind, RegistrationInput input);

    /**
     * The networks in the caller's reach registered as an organisation of either kind on the day: what the grading's
     * criterion "registered as an organisation" reads for a whole run at once.
     */
    Set<String> registeredOn(Caller caller, LocalDate day);
}

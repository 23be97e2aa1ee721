package org.apom.networks.api;

import java.util.List;
import java.util.Optional;

import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** A network's committee: appointing one replaces the current one, which stays in history. */
@ProviderType
public interface NetworkCommittees {

    /** The current committee, if one was appointed. */
    Optional<Committee> current(Caller caller, String networkId);

    /** Every committee the network had, the current one first. */
    List<Committee> history(Caller caller, String networkId);

    /**
     * Appoints a committee: one chair, at most one vice-chair, secretary and treasurer, any number of members, each
     * a current member of the network, once.
     *
     * @param expectedVersion the current committee's version (0 when there is none yet), or
     *        {@link org.apom.core.api.problem.Preconditions#ANY}
     * @throws org.apom.core.api.problem.ProblemException 412 when another committee was appointed since, 422
     *         {@code validation}
     */
    Committee appoint(Caller caller, String networkId, CommitteeInput input, long expectedVersion);
}

package org.apom.networks.api;

import java.util.List;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who belongs to a network, and since and until when. A volunteer may belong to several networks; leaving ends a
 * membership and keeps it, so the history stays readable.
 */
@ProviderType
public interface NetworkMembers {

    /**
     * The volunteer joins the network from {@code since} (today when {@code null}). The volunteer must be active, live
     * in the network's area and be one the caller may read.
     *
     * @throws org.apom.core.api.problem.ProblemException 409 {@code already-member}, 422 {@code validation}
     */
    Membership join(Caller caller, String networkId, String volunteerId, String since);

    /**
     * Ends the volunteer's membership on {@code until} (today when {@code null}).
     *
     * @throws org.apom.core.api.problem.ProblemException 404 {@code not-a-member}, 409 {@code on-committee} while
     *         the volunteer sits on the current committee
     */
    Membership leave(Caller caller, String networkId, String volunteerId, String until, String reason);

    /** The volunteer's memberships of the network, latest first. */
    List<Membership> memberships(Caller caller, String networkId, String volunteerId);

    /** The members (with {@code history}, also the former ones), by volunteer id. */
    Page<Membership> members(Caller caller, String networkId, boolean history, PageRequest page);
}

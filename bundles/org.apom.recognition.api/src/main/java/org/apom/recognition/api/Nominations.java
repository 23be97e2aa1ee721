package org.apom.recognition.api;

import java.util.List;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Nominations and their workflow. Province officers draft; province admins submit and endorse; central admins
 * approve, reject at ministry level and confer. Every move is audited and kept in the nomination's history.
 */
@ProviderType
public interface Nominations {

    /**
     * A new draft, after checking that the volunteer is eligible.
     *
     * @throws org.apom.core.api.problem.ProblemException 422 {@code validation} with every wrong field, 422
     *         {@code not-eligible} with the reasons, 409 {@code nomination-open} when one for the volunteer, award and
     *         year is open, 403 for a role that may not draft
     */
    Nomination draft(Caller caller, NominationInput input);

    /** @throws org.apom.core.api.problem.ProblemException 404 when there is none the caller may read */
    Nomination get(Caller caller, String id);

    /** The nominations in the caller's reach, newest first. */
    Page<Nomination> search(Caller caller, NominationQuery query, PageRequest page);

    /**
     * Moves the nomination on. Submitting weighs the volunteer again and takes a place in the province's quota.
     *
     * @throws org.apom.core.api.problem.ProblemException 409 {@code illegal-transition} when the action is not
     *         allowed from the current state, 409 {@code quota-reached}, 422 {@code not-eligible}, 403 for a role
     *         that may not take the action
     */
    Nomination transition(Caller caller, String id, TransitionInput input);

    /**
     * {@link #transition(Caller, String, TransitionInput)} only if the nomination is still at the version the caller
     * read: a click on a page that showed another state (a colleague approved it meanwhile) is refused, not applied
     * to the new state.
     *
     * @param expectedVersion the version the caller read; {@code Preconditions.ANY} for any
     * @throws org.apom.core.api.problem.ProblemException 412 {@code precondition-failed} when it moved on since
     * @since 1.2
     */
    Nomination transition(Caller caller, String id, TransitionInput input, long expectedVersion);

    /**
     * The actions the caller may take on the nomination now: those its state allows that the caller's roles take in
     * its province. Eligibility and the quota are weighed only when an action is taken, so one of these may still be
     * refused.
     *
     * @since 1.2
     */
    java.util.Set<NominationAction> actions(Caller caller, Nomination nomination);

    /** Each province's quota use and pipeline per award in the fiscal year, in the caller's reach. */
    List<AwardPipeline> summary(Caller caller, FiscalYear fiscalYear, ProvinceCode province);
}

package org.apom.networks.api;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The activity log of a network: what its members did, when, and for how many people. */
@ProviderType
public interface NetworkActivities {

    /**
     * Records an activity for all of its participants at once; each must have been a member on that day.
     *
     * @throws org.apom.core.api.problem.ProblemException 422 {@code validation} with every wrong field, 409
     *         {@code duplicate-activity} when the network already has an activity of that kind and title that day
     */
    Activity record(Caller caller, String networkId, ActivityInput input);

    Activity get(Caller caller, String networkId, String activityId);

    /** The network's activities, newest first. */
    Page<Activity> list(Caller caller, String networkId, ActivityQuery query, PageRequest page);
}

package org.apom.recognition.api;

import java.util.List;

import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The honours each volunteer holds: conferred through nominations, or recorded from before the platform. */
@ProviderType
public interface Honours {

    /**
     * The volunteer's honours, earliest first.
     *
     * @throws org.apom.core.api.problem.ProblemException 404 for a volunteer the caller may not read
     */
    List<Honour> of(Caller caller, String volunteerId);

    /**
     * Records an honour the volunteer received before the platform (central admins: the ministry's records), so
     * that eligibility sees it.
     *
     * @throws org.apom.core.api.problem.ProblemException 422 {@code validation}, 409 {@code already-recorded}
     */
    Honour record(Caller caller, String volunteerId, HonourInput input);
}

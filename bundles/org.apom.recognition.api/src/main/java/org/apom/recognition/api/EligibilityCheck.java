package org.apom.recognition.api;

import java.util.List;

import org.apom.core.api.FiscalYear;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Weighs one volunteer for every award given in their province, with the reasons against each. */
@ProviderType
public interface EligibilityCheck {

    /**
     * @throws org.apom.core.api.problem.ProblemException 404 {@code not-found} for a volunteer the caller may not
     *         read ({@code recognition:read}) or that does not exist
     */
    List<Eligibility> of(Caller caller, String volunteerId, FiscalYear fiscalYear);
}

package org.apom.networks.api;

import java.util.List;
import java.util.Optional;

import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The national catalogue of activity kinds; central IT adds kinds ({@code activity-kinds:manage}). */
@ProviderType
public interface ActivityKinds {

    /** Every kind, by code. */
    List<ActivityKind> list();

    Optional<ActivityKind> find(String code);

    /**
     * Adds a kind: a code of capital letters, digits and underscores, and its Thai and English names.
     *
     * @throws org.apom.core.api.problem.ProblemException 409 {@code duplicate-kind}, 422 {@code validation}
     */
    ActivityKind add(Caller caller, ActivityKind kind);
}

package org.apom.networks.api;

import java.util.Map;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The networks: creating, finding and correcting them. A network belongs to the province of its area (a national
 * one to no province: central callers only), and every check is the permission table's ({@code networks:read},
 * {@code networks:write}); every write is audited in its own transaction.
 */
@ProviderType
public interface Networks {

    /**
     * A new network at its level and area.
     *
     * @throws org.apom.core.api.problem.ProblemException 422 {@code validation} with every wrong field, 409
     *         {@code duplicate-network} when its area already has a network of that name
     */
    Network create(Caller caller, NetworkInput input);

    /** @throws org.apom.core.api.problem.ProblemException 404 when there is none the caller may read */
    Network get(Caller caller, String id);

    /** Networks in the caller's reach, by name. */
    Page<Network> search(Caller caller, NetworkQuery query, PageRequest page);

    /**
     * Corrects the name or founding date ({@code name}, {@code foundedOn}); level and area are what the network is
     * and do not change.
     *
     * @param expectedVersion the version the caller read, or {@link org.apom.core.api.problem.Preconditions#ANY}
     * @throws org.apom.core.api.problem.ProblemException 412 when it changed since
     */
    Network update(Caller caller, String id, Map<String, String> changes, long expectedVersion);
}

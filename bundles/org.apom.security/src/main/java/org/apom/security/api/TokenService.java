package org.apom.security.api;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** Integrator API tokens: random 256-bit secrets stored only as hashes, with scopes, a province and an expiry. */
@ProviderType
public interface TokenService {

    /**
     * @throws org.apom.core.api.problem.ProblemException 401 {@code invalid-token}, {@code token-expired} or
     *         {@code token-revoked}
     */
    Caller authenticate(String secret);

    CreatedToken create(Caller caller, NewToken token);

    /** The tokens the caller may see, newest first. */
    Page<TokenView> list(Caller caller, PageRequest page);

    /** Revokes at once; revoking a revoked token changes nothing. */
    TokenView revoke(Caller caller, String id);
}

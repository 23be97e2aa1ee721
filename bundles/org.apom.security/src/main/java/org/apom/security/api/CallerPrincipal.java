package org.apom.security.api;

import java.security.Principal;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;

/**
 * The principal of an authenticated API request; REST resources get their {@link Caller} from it with
 * {@code CallerPrincipal.callerOf(securityContext.getUserPrincipal())}.
 */
public interface CallerPrincipal extends Principal {

    Caller caller();

    /** @throws ProblemException 401 when the request was not authenticated */
    static Caller callerOf(Principal principal) {
        if (principal instanceof CallerPrincipal c) {
            return c.caller();
        }
        throw new ProblemException(401, "authentication-required", LocalizedText.of(
                "This resource needs a login.", "ต้องเข้าสู่ระบบก่อน"), java.util.List.of());
    }
}

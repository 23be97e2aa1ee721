package org.apom.security.internal.users;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Satisfied once the first admin has been found or created ({@link FirstStartAdmin} registers
 * {@link FirstAdminChecked} then, and only then). Health reports every core component, so a new node stays
 * DOWN until someone can log in to it, and a balancer or a script never meets a 401 for the admin it was told
 * about. When no admin could be created, an "accounts" readiness check says why in health.
 */
@Component(immediate = true)
public final class AccountsReady {

    /** The mark {@link FirstStartAdmin} leaves once an admin exists. */
    public interface FirstAdminChecked {
    }

    @Activate
    public AccountsReady(@Reference FirstAdminChecked checked) {
        // nothing to do: being satisfied is the point
    }
}

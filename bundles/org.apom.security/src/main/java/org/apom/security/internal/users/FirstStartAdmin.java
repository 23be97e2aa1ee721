package org.apom.security.internal.users;

import java.nio.file.Path;

import org.apom.security.api.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Runs {@link AdminBootstrap} once the accounts are available, because the distribution ships none. */
@Component(immediate = true)
public final class FirstStartAdmin {

    @Activate
    public FirstStartAdmin(@Reference UserDirectory users) {
        AdminBootstrap.ensureAdmin(users, Path.of(System.getProperty("karaf.etc", "etc")),
                System.getenv("APOM_ADMIN_PASSWORD"));
    }
}

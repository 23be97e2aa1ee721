package org.apom.recognition.internal;

import java.util.Map;

import org.apom.registry.api.AuditedChangeSource;
import org.apom.registry.api.ChangeSource;
import org.apom.security.api.Action;
import org.osgi.service.component.annotations.Component;

/**
 * Networks' registrations as organisations in the change feed ({@code types=registration}), by
 * {@code <networkId>/<kind>}: created by the first move, updated by the next.
 */
@Component(service = ChangeSource.class)
public final class RegistrationChanges extends AuditedChangeSource {

    public RegistrationChanges() {
        super("registration", Action.NETWORKS_READ, Map.of("registration.start", "created", "registration.change",
                "updated"));
    }
}

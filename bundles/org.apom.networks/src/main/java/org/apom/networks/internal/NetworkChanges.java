package org.apom.networks.internal;

import java.util.Map;

import org.apom.registry.api.ChangeSource;
import org.osgi.service.component.annotations.Component;

/** Networks in the change feed ({@code types=network}); changes of members and committee update the network. */
@Component(service = ChangeSource.class)
public final class NetworkChanges extends AuditedChanges {

    public NetworkChanges() {
        super("network", Map.of("network.create", "created", "network.update", "updated", "network.member-join",
                "updated", "network.member-leave", "updated", "network.committee", "updated"));
    }
}

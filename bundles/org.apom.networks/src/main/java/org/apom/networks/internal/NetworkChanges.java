package org.apom.networks.internal;

import java.util.Map;

import org.apom.registry.api.AuditedChangeSource;
import org.apom.registry.api.ChangeSource;
import org.apom.security.api.Action;
import org.osgi.service.component.annotations.Component;

/** Networks in the change feed ({@code types=network}); changes of members and committee update the network. */
@Component(service = ChangeSource.class)
public final class NetworkChanges extends AuditedChangeSource {

    public NetworkChanges() {
        super("network", Action.NETWORKS_READ, Map.of("network.create", "created", "network.update", "updated", "network.member-join",
                "updated", "network.member-leave", "updated", "network.committee", "updated"));
    }
}

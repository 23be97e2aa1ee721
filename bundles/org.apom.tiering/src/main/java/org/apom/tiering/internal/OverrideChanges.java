package org.apom.tiering.internal;

import java.util.Map;

import org.apom.registry.api.AuditedChangeSource;
import org.apom.registry.api.ChangeSource;
import org.apom.security.api.Action;
import org.osgi.service.component.annotations.Component;

/** Central admins' tiers in the change feed ({@code types=tier-override}), by the network's id. */
@Component(service = ChangeSource.class)
public final class OverrideChanges extends AuditedChangeSource {

    public OverrideChanges() {
        super("tier-override", Action.TIERING_READ, Map.of("tier.override", "created"));
    }
}

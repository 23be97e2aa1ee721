package org.apom.networks.internal;

import java.util.Map;

import org.apom.registry.api.AuditedChangeSource;
import org.apom.registry.api.ChangeSource;
import org.apom.security.api.Action;
import org.osgi.service.component.annotations.Component;

/** Activities in the change feed ({@code types=activity}): an activity is recorded once and never changes. */
@Component(service = ChangeSource.class)
public final class ActivityChanges extends AuditedChangeSource {

    public ActivityChanges() {
        super("activity", Action.NETWORKS_READ, Map.of("activity.create", "created"));
    }
}

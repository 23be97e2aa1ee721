package org.apom.networks.internal;

import java.util.Map;

import org.apom.registry.api.ChangeSource;
import org.osgi.service.component.annotations.Component;

/** Activities in the change feed ({@code types=activity}): an activity is recorded once and never changes. */
@Component(service = ChangeSource.class)
public final class ActivityChanges extends AuditedChanges {

    public ActivityChanges() {
        super("activity", Map.of("activity.create", "created"));
    }
}

package org.apom.recognition.internal;

import java.util.Map;

import org.apom.registry.api.AuditedChangeSource;
import org.apom.registry.api.ChangeSource;
import org.apom.security.api.Action;
import org.osgi.service.component.annotations.Component;

/** Nominations in the change feed ({@code types=nomination}): drafted, then updated by every transition. */
@Component(service = ChangeSource.class)
public final class NominationChanges extends AuditedChangeSource {

    public NominationChanges() {
        super("nomination", Action.RECOGNITION_READ, Map.of("nomination.create", "created", "nomination.submit",
                "updated", "nomination.endorse", "updated", "nomination.approve", "updated", "nomination.confer",
                "updated", "nomination.reject", "updated", "nomination.withdraw", "updated"));
    }
}

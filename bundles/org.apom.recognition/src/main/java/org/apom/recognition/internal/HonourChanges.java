package org.apom.recognition.internal;

import java.util.Map;

import org.apom.registry.api.AuditedChangeSource;
import org.apom.registry.api.ChangeSource;
import org.apom.security.api.Action;
import org.osgi.service.component.annotations.Component;

/** Honours in the change feed ({@code types=honour}): conferred through a nomination, or recorded from before. */
@Component(service = ChangeSource.class)
public final class HonourChanges extends AuditedChangeSource {

    public HonourChanges() {
        super("honour", Action.RECOGNITION_READ, Map.of("honour.record", "created"));
    }
}

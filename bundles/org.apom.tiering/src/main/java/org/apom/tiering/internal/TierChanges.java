package org.apom.tiering.internal;

import java.util.Map;

import org.apom.registry.api.AuditedChangeSource;
import org.apom.registry.api.ChangeSource;
import org.apom.security.api.Action;
import org.osgi.service.component.annotations.Component;

/**
 * Gradings in the change feed ({@code types=tier-run}): a run that completed, by its id and province (null for a
 * national one). Its assessments are read at {@code GET /networks/{id}/assessments} and the summary; a feed entry per
 * network of a national run would be 100,000 entries for one event.
 */
@Component(service = ChangeSource.class)
public final class TierChanges extends AuditedChangeSource {

    public TierChanges() {
        super("tier-run", Action.TIERING_READ, Map.of("tier.run-done", "created"));
    }
}

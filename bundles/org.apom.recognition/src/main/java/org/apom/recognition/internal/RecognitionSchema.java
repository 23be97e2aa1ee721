package org.apom.recognition.internal;

import org.apom.persistence.api.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The REC_* tables, brought up to the changelog before any service of the bundle uses them (they reference this). */
@Component(service = RecognitionSchema.class)
public final class RecognitionSchema {

    static final String CHANGELOG = "db/recognition/changelog.xml";

    @Activate
    public RecognitionSchema(@Reference SchemaMigrator migrator) {
        migrator.migrate(CHANGELOG, RecognitionSchema.class.getClassLoader());
    }
}

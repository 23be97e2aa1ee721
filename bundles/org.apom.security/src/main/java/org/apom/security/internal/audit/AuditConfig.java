package org.apom.security.internal.audit;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Sealing of the audit chain ({@code etc/org.apom.security.audit.cfg}). */
@ObjectClassDefinition(name = "Apom audit trail")
@interface AuditConfig {

    @AttributeDefinition(description = "How often the sequencer seals committed entries into the chain")
    long sealIntervalMillis() default 200;

    @AttributeDefinition(description = "Most entries sealed in one transaction")
    int sealBatch() default 500;

    @AttributeDefinition(description = "Readiness goes DOWN when entries wait and none was sealed for this long, "
            + "or when one has waited ten times this long")
    int maxSealingLagSeconds() default 30;

    @AttributeDefinition(description = "BENCHMARKS ONLY: record nothing, to measure what auditing costs. "
            + "Health reports the node DOWN while it is on.")
    boolean benchmarkWithoutAudit() default false;
}

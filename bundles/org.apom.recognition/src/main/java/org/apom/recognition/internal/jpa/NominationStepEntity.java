package org.apom.recognition.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.recognition.api.NominationAction;
import org.apom.recognition.api.NominationStatus;
import org.apom.recognition.api.NominationStep;

/** One move of a nomination, written once. */
@Entity
@Table(name = "REC_NOMINATION_STEP")
public class NominationStepEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "NOMINATION_ID", nullable = false)
    private String nominationId;
    @Column(name = "STEP_NO", nullable = false)
    private int stepNo;
    @Column(name = "STEP_ACTION")
    private String action;
    @Column(name = "FROM_STATUS")
    private String fromStatus;
    @Column(name = "TO_STATUS", nullable = false)
    private String toStatus;
    @Column(name = "ACTOR", nullable = false)
    private String actor;
    @Column(name = "MOVED_AT", nullable = false)
    private Timestamp at;
    @Column(name = "STEP_COMMENT")
    private String comment;

    protected NominationStepEntity() {
    }

    /** @param stepNo 0 for the creation, then the nomination's version after the move */
    public NominationStepEntity(String nominationId, int stepNo, NominationAction action, NominationStatus from,
            NominationStatus to, String actor, Instant at, String comment) {
        this.id = nominationId + "#" + stepNo;
        this.nominationId = nominationId;
        this.stepNo = stepNo;
        this.action = action == null ? null : action.name();
        this.fromStatus = from == null ? null : from.name();
        this.toStatus = to.name();
        this.actor = actor;
        this.at = Timestamp.from(at);
        this.comment = comment;
    }

    public String nominationId() {
        return nominationId;
    }

    public int stepNo() {
        return stepNo;
    }

    public NominationStep toStep() {
        return new NominationStep(action == null ? null : NominationAction.valueOf(action),
                fromStatus == null ? null : NominationStatus.valueOf(fromStatus), NominationStatus.valueOf(toStatus),
                actor, at.toInstant(), comment);
    }
}

package org.apom.tiering.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** One of the texts a run's assessments refer to by number (see RunTexts); written once, with the first of them. */
@Entity
@Table(name = "TIER_RUN_TEXT")
public class RunTextEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "RUN_ID", nullable = false)
    private String runId;
    @Column(name = "TEXT_NO", nullable = false)
    private int number;
    @Column(name = "TEXT", nullable = false)
    private String text;

    protected RunTextEntity() {
    }

    public RunTextEntity(String runId, int number, String text) {
        this.id = id(runId, number);
        this.runId = runId;
        this.number = number;
        this.text = text;
    }

    public static String id(String runId, int number) {
        return runId + "/" + number;
    }

    public String runId() {
        return runId;
    }

    public int number() {
        return number;
    }

    public String text() {
        return text;
    }
}

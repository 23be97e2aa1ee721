package org.apom.networks.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.core.api.LocalizedText;
import org.apom.registry.api.RowError;

/** One thing wrong with one row of an activity import. */
@Entity
@Table(name = "NET_ACTIVITY_IMPORT_ERROR")
public class ActivityImportErrorEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "IMPORT_ID", nullable = false)
    private String importId;
    @Column(name = "LINE_NO", nullable = false)
    private int line;
    @Column(name = "FIELD")
    private String field;
    @Column(name = "CODE", nullable = false)
    private String code;
    @Column(name = "MESSAGE_EN", nullable = false)
    private String messageEn;
    @Column(name = "MESSAGE_TH", nullable = false)
    private String messageTh;

    protected ActivityImportErrorEntity() {
    }

    public ActivityImportErrorEntity(String id, String importId, RowError error) {
        this.id = id;
        this.importId = importId;
        this.line = error.line();
        this.field = error.field();
        this.code = error.code();
        this.messageEn = cut(error.message().en());
        this.messageTh = cut(error.message().th());
    }

    private static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    public RowError toError() {
        return new RowError(line, field, code, LocalizedText.of(messageEn, messageTh));
    }
}

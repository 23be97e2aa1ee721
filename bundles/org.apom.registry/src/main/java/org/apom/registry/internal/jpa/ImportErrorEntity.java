package org.apom.registry.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.core.api.LocalizedText;
import org.apom.registry.api.RowError;

/** One error of one rejected row of an import. */
@Entity
@Table(name = "REGISTRY_IMPORT_ERROR")
public class ImportErrorEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "IMPORT_ID", nullable = false)
    private String importId;
    @Column(name = "LINE_NO", nullable = false)
    private int line;
    @Column(name = "SEQ", nullable = false)
    private int seq;
    @Column(name = "FIELD")
    private String field;
    @Column(name = "CODE", nullable = false)
    private String code;
    @Column(name = "MESSAGE_EN", nullable = false)
    private String messageEn;
    @Column(name = "MESSAGE_TH", nullable = false)
    private String messageTh;

    protected ImportErrorEntity() {
    }

    public ImportErrorEntity(String id, String importId, int seq, RowError error) {
        this.id = id;
        this.importId = importId;
        this.line = error.line();
        this.seq = seq;
        this.field = error.field();
        this.code = error.code();
        this.messageEn = cut(error.message().en());
        this.messageTh = cut(error.message().th());
    }

    public RowError toRowError() {
        return new RowError(line, field, code, LocalizedText.of(messageEn, messageTh));
    }

    private static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}

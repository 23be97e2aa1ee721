package org.apom.extensions.api;

/**
 * One thing a {@link RecordCheck} found wrong with a record, in English and Thai. A data transfer object with
 * public fields, so that it can gain a field in a minor version.
 */
public class Finding {

    /** The record's field it concerns ({@code phone}), or {@code null} for the record as a whole. */
    public String field;
    /** What is wrong and how to put it right, in English. */
    public String en;
    /** The same in Thai. */
    public String th;

    /** A finding about one field ({@code null}: the record as a whole). */
    public static Finding of(String field, String en, String th) {
        Finding finding = new Finding();
        finding.field = field;
        finding.en = en;
        finding.th = th;
        return finding;
    }
}

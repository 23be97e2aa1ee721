package org.apom.areas.internal.jpa;

/** An area row that successive editions of the area files update or retire. */
public interface EditionedArea<D> {

    String code();

    /** Takes the values of a newer edition (and un-retires); returns whether anything changed. */
    boolean update(D row);

    boolean isRetired();

    void retire(String edition);
}

package org.apom.areas.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

/**
 * What every area row has: its code, its names, the edition that brought it and the one that retired it
 * ({@code null} while current). Successive editions of the area files update or retire rows, never delete.
 *
 * @param <D> the area as the API knows it
 */
@MappedSuperclass
public abstract class AreaEntity<D> {

    @Id
    @Column(name = "CODE")
    private String code;
    @Column(name = "NAME_TH", nullable = false)
    private String nameTh;
    @Column(name = "NAME_EN", nullable = false)
    private String nameEn;
    @Column(name = "FIRST_EDITION", nullable = false)
    private String firstEdition;
    @Column(name = "RETIRED_EDITION")
    private String retiredEdition;

    protected AreaEntity() {
    }

    protected AreaEntity(String code, String edition) {
        this.code = code;
        this.firstEdition = edition;
    }

    /** Takes the values of a newer edition (and un-retires); returns whether anything changed. */
    public abstract boolean update(D row);

    public abstract D toDTO();

    /** Sets the names and brings a retired area back; returns whether anything changed. */
    protected final boolean takeNames(String th, String en) {
        boolean changed = !th.equals(nameTh) || !en.equals(nameEn) || retiredEdition != null;
        nameTh = th;
        nameEn = en;
        retiredEdition = null;
        return changed;
    }

    protected final String nameTh() {
        return nameTh;
    }

    protected final String nameEn() {
        return nameEn;
    }

    public final String code() {
        return code;
    }

    public final boolean isRetired() {
        return retiredEdition != null;
    }

    public final void retire(String edition) {
        retiredEdition = edition;
    }
}

package org.apom.recognition.internal;

import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;

/**
 * The places nominations hold in their province's quota (REC_QUOTA_USE). Taking one is a single conditional UPDATE of
 * the province's row for the award and year: the row stays locked until the transaction ends, so of two submissions
 * for the last place one waits and then finds none left. Only submissions of the same province, award and year ever
 * wait on each other, for the length of one short transaction.
 */
final class QuotaPlaces {

    private QuotaPlaces() {
    }

    /**
     * Makes sure the row exists, in a transaction of its own before the one that takes the place: an insert that
     * fails on PostgreSQL spoils its transaction, so it must not be the submission's.
     *
     * @return whether the row had to be made
     */
    static boolean ensureRow(EntityManager em, String province, String award, int year) {
        Number found = (Number) em.createNativeQuery("SELECT COUNT(*) FROM REC_QUOTA_USE WHERE PROVINCE = ? AND "
                + "AWARD_CODE = ? AND FISCAL_YEAR = ?").setParameter(1, province).setParameter(2, award)
                .setParameter(3, year).getSingleResult();
        if (found.intValue() > 0) {
            return false;
        }
        em.createNativeQuery("INSERT INTO REC_QUOTA_USE (PROVINCE, AWARD_CODE, FISCAL_YEAR, USED) VALUES (?, ?, ?, 0)")
                .setParameter(1, province).setParameter(2, award).setParameter(3, year).executeUpdate();
        return true;
    }

    /**
     * Takes a place, or refuses when the quota is used up.
     *
     * @param quota the province's quota, {@code null} for none (the place is still counted)
     * @throws ProblemException 409 {@code quota-reached}
     */
    static void take(EntityManager em, String province, String award, int year, Integer quota) {
        Query update = em.createNativeQuery("UPDATE REC_QUOTA_USE SET USED = USED + 1 WHERE PROVINCE = ? AND "
                + "AWARD_CODE = ? AND FISCAL_YEAR = ?" + (quota == null ? "" : " AND USED < ?"))
                .setParameter(1, province).setParameter(2, award).setParameter(3, year);
        if (quota != null) {
            update.setParameter(4, quota);
        }
        int taken = update.executeUpdate();
        if (taken == 0) {
            throw new ProblemException(409, "quota-reached", LocalizedText.of("Province " + province + " has used "
                    + "all " + quota + " of its places for " + award + " in fiscal year " + year + ".",
                    "จังหวัด " + province + " ใช้โควตา " + award + " ของปีงบประมาณ " + year + " ครบ " + quota
                            + " รายแล้ว"), List.of());
        }
    }

    /** Gives a place back (a submitted nomination rejected or withdrawn). */
    static void release(EntityManager em, String province, String award, int year) {
        em.createNativeQuery("UPDATE REC_QUOTA_USE SET USED = USED - 1 WHERE PROVINCE = ? AND AWARD_CODE = ? AND "
                + "FISCAL_YEAR = ? AND USED > 0").setParameter(1, province).setParameter(2, award)
                .setParameter(3, year).executeUpdate();
    }
}

package org.apom.security.api;

/**
 * The result of checking the whole chain: intact, or the first entry found edited, removed or out of place.
 *
 * @param entries how many entries were checked
 * @param brokenAt the sequence number where the chain breaks; {@code null} when intact
 * @param reason what is wrong there, in English; {@code null} when intact
 */
public record AuditVerification(long entries, Long brokenAt, String reason) {

    public boolean intact() {
        return brokenAt == null;
    }
}

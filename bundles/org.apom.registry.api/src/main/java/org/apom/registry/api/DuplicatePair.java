package org.apom.registry.api;

/**
 * Two different records that are probably one person.
 *
 * @param reason why they are suspected: {@code same-names-and-birth-date} (the same ID typed twice in a file
 *        never makes two records: the import rejects the second row as {@code duplicate})
 */
public record DuplicatePair(Volunteer first, Volunteer second, String reason) {

    public static final String SAME_NAMES_AND_BIRTH_DATE = "same-names-and-birth-date";
}

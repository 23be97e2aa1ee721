package org.apom.networks.api;

/** The level a network works at; its area code is of the matching kind (none for {@link #NATIONAL}). */
public enum NetworkLevel {
    SUBDISTRICT,
    DISTRICT,
    PROVINCE,
    NATIONAL
}

package org.apom.registry.api;

/** Gender as the register records it. */
public enum Gender {
    MALE, FEMALE, OTHER
}

package org.apom.tiering.api;

/** The grade of a network for a fiscal year: A (strong), B, or C (needs support most). */
public enum Tier {
    A,
    B,
    C
}

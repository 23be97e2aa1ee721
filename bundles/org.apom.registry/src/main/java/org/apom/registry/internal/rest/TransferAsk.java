package org.apom.registry.internal.rest;

/**
 * The body of {@code POST /volunteers/transfers}: the person's national ID (the receiving province has it from
 * the person), the subdistrict in the receiving province the record moves to, and why.
 */
public record TransferAsk(String nationalId, String subdistrictCode, String reason) {
}

package org.apom.registry.internal.rest;

/** The body of {@code POST /volunteers/{id}/merges}: the duplicate to merge into the record of the path. */
public record Merge(String merged) {
}

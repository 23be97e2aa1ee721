package org.apom.registry.internal.rest;

/**
 * The body of {@code POST /volunteers/{id}/merges}: the duplicate to merge into the record of the path, and the
 * duplicate's ETag as read (the survivor's goes in {@code If-Match}), so that neither is merged from a stale read.
 */
public record Merge(String merged, String mergedIfMatch) {
}

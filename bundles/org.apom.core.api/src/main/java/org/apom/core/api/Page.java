package org.apom.core.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items and the opaque cursor of the next page ({@code null} on the last page).
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** A list that is always answered whole (small reference data). */
    public static <T> Page<T> complete(List<T> items) {
        return new Page<>(items, null);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}

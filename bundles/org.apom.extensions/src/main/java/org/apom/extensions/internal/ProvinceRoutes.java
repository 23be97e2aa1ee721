package org.apom.extensions.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which application serves each province's public paths now. A switch replaces one reference: requests that
 * entered the previous application finish there (it admits no new one), every later request enters the next.
 *
 * @param <T> what serves a province
 */
final class ProvinceRoutes<T extends ProvinceRoutes.Target> {

    /** What a route leads to: its requests are counted there. */
    interface Target {
        InFlight inFlight();
    }

    /** A request that finds a closed target read it just before a switch; the next read finds its successor. */
    private static final int ATTEMPTS = 1_000;

    private final Map<String, T> routes = new ConcurrentHashMap<>();

    /** @return what serves the province, entered (the caller must {@link #exit}); {@code null} if nothing does */
    T enter(String province) {
        for (int i = 0; i < ATTEMPTS; i++) {
            T target = routes.get(province);
            if (target == null) {
                return null;
            }
            if (target.inFlight().enter()) {
                return target;
            }
        }
        return null;
    }

    void exit(T target) {
        target.inFlight().exit();
    }

    T current(String province) {
        return routes.get(province);
    }

    List<T> all() {
        return List.copyOf(routes.values());
    }

    /**
     * Makes {@code next} serve the province ({@code null}: nothing serves it). The previous target is closed:
     * it admits no new request, those in flight finish there.
     *
     * @return the previous target, or {@code null}
     */
    T switchTo(String province, T next) {
        T previous = next == null ? routes.remove(province) : routes.put(province, next);
        if (previous != null && previous != next) {
            previous.inFlight().close();
        }
        return previous == next ? null : previous;
    }
}

package org.apom.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One address of the workspace: a method, a path pattern (its groups are the path's parameters) and its page. */
record Route(String method, Pattern path, boolean signedIn, Handler handler) {

    /** What answers a route. */
    @FunctionalInterface
    interface Handler {
        void handle(Visit visit, List<String> parameters) throws IOException;
    }

    static Route page(String method, String path, Handler handler) {
        return new Route(method, Pattern.compile(path), true, handler);
    }

    static Route open(String method, String path, Handler handler) {
        return new Route(method, Pattern.compile(path), false, handler);
    }

    /** The path's parameters when the route serves it. */
    Optional<List<String>> match(String requestPath) {
        Matcher m = path.matcher(requestPath);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> groups = new java.util.ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(m.group(i));
        }
        return Optional.of(List.copyOf(groups));
    }
}

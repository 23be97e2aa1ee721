package org.apom.metrics.internal;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Function;

/** A stand-in for an interface: the named methods answer with the given functions, every other one fails. */
final class Fake {

    private Fake() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer.apply(args);
        });
    }
}

package org.apom.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Calls made all at once, a thread each, for tests of what many callers do together. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Each call on a thread of its own, started together; their answers in the calls' order. */
    public static List<HttpAnswer> run(List<Callable<HttpAnswer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<HttpAnswer> answers = new ArrayList<>();
            for (Future<HttpAnswer> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}

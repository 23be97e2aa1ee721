package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The switch of a province's route and the draining of the application it left, under parallel requests. */
class ProvinceRoutesTest {

    /** An application that records what it served, and any request it got after it was removed. */
    private static final class App implements ProvinceRoutes.Target {
        final InFlight inFlight = new InFlight();
        final String version;
        final AtomicInteger served = new AtomicInteger();
        final AtomicInteger afterRemoval = new AtomicInteger();
        volatile boolean removed;

        App(String version) {
            this.version = version;
        }

        @Override
        public InFlight inFlight() {
            return inFlight;
        }

        void serve() {
            if (removed) {
                afterRemoval.incrementAndGet();
            }
            served.incrementAndGet();
            Thread.onSpinWait();
        }
    }

    private final ProvinceRoutes<App> routes = new ProvinceRoutes<>();

    @Test
    void aProvinceWithoutApplicationHasNoRouteAndOthersAreNotTouched() {
        assertNull(routes.enter("50"));
        App kk = new App("kk");
        routes.switchTo("40", kk);
        assertNull(routes.enter("50"));
        assertSame(kk, routes.enter("40"));
        routes.exit(kk);
        App cm = new App("1.0.0");
        assertNull(routes.switchTo("50", cm), "nothing served before");
        assertSame(kk, routes.current("40"));
        assertFalse(kk.inFlight().closed());
    }

    @Test
    void aSwitchSendsNewRequestsToTheNextWhileThoseInFlightFinishOnThePrevious() throws Exception {
        App old = new App("1.0.0");
        App next = new App("1.1.0");
        routes.switchTo("50", old);
        App inFlight = routes.enter("50");
        assertSame(old, inFlight);

        assertSame(old, routes.switchTo("50", next));
        assertTrue(old.inFlight().closed());
        App later = routes.enter("50");
        assertSame(next, later, "a new request goes to the next at once");
        routes.exit(later);

        assertFalse(old.inFlight().awaitIdle(Duration.ofMillis(50)), "the old one still serves its request");
        CountDownLatch idle = new CountDownLatch(1);
        Thread drainer = new Thread(() -> {
            try {
                if (old.inFlight().awaitIdle(Duration.ofSeconds(10))) {
                    idle.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        drainer.start();
        routes.exit(inFlight);
        assertTrue(idle.await(5, TimeUnit.SECONDS), "drained as soon as its last request ended");
        assertFalse(old.inFlight().enter(), "a closed application admits nobody");
    }

    @Test
    void switchingToNothingLeavesTheProvinceWithoutRoute() {
        App old = new App("1.0.0");
        routes.switchTo("50", old);
        assertSame(old, routes.switchTo("50", null));
        assertNull(routes.enter("50"));
        assertTrue(old.inFlight().closed());
    }

    @Test
    void drainingGivesUpAtItsLimit() throws Exception {
        App old = new App("1.0.0");
        routes.switchTo("50", old);
        App stuck = routes.enter("50");
        routes.switchTo("50", new App("1.1.0"));
        long start = System.nanoTime();
        assertFalse(stuck.inFlight().awaitIdle(Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190));
        assertEquals(1, stuck.inFlight().count());
    }

    /**
     * Six clients without pause while the province is switched 100 times: every request finds an application,
     * each switch is followed by the next version only, and no application is entered once it was drained.
     */
    @Test
    void underParallelRequestsNoRequestIsLostAndNoneReachesARemovedApplication() throws Exception {
        List<App> versions = new ArrayList<>();
        App first = new App("v0");
        versions.add(first);
        routes.switchTo("50", first);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger unrouted = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    App app = routes.enter("50");
                    if (app == null) {
                        unrouted.incrementAndGet();
                        continue;
                    }
                    try {
                        app.serve();
                        requests.incrementAndGet();
                    } finally {
                        routes.exit(app);
                    }
                }
            });
            clients.add(client);
            client.start();
        }
        for (int swap = 1; swap <= 100; swap++) {
            App next = new App("v" + swap);
            versions.add(next);
            App previous = routes.switchTo("50", next);
            App seen = routes.enter("50");
            assertSame(next, seen, "after the switch only the next version answers");
            routes.exit(seen);
            assertTrue(previous.inFlight().awaitIdle(Duration.ofSeconds(10)), "swap " + swap + " drained");
            previous.removed = true;
        }
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        assertEquals(0, unrouted.get(), "every request found an application");
        assertTrue(requests.get() > 100, "the clients ran: " + requests.get());
        for (App app : versions) {
            assertEquals(0, app.afterRemoval.get(), app.version + " served after it was removed");
        }
    }
}

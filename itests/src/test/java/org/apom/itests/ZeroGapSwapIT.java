package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.apom.itests.support.SampleJars;
import org.apom.itests.support.TestJars;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;

/**
 * Issue 10, the zero-gap swap: a new version of a province's extension starts beside the old one and the province
 * switches to it at once, so clients polling its endpoint without pause see no failed request across 20 swaps, and
 * a version that cannot start leaves the old one serving, untouched.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ZeroGapSwapIT extends ApomContainerTest {

    private static final String JAR = "application/java-archive";
    private static final String CHIANG_MAI = "org.apom.ext.p50.chiangmai";
    private static final Set<String> EDITIONS = Set.of("1.0.0", "1.1.0");

    @Inject
    private BundleContext context;

    @Override
    protected List<Option> extraOptions() {
        return SampleJars.options();
    }

    @Test
    public void clientsPollingWithoutPauseSeeNoFailureAcross20Swaps() throws Exception {
        assertEquals(201, asAdmin().sendBytes("POST", "/extensions", JAR, SampleJars.read(CHIANG_MAI + ".v100"))
                .status());
        // another extension of the province, written as extensions are now (its resource selects no application)
        String neighbour = "org.apom.ext.p50.neighbour";
        assertEquals(201, asAdmin().sendBytes("POST", "/extensions", JAR,
                TestJars.extensionWithPlainResource(neighbour, "1.0.0", "50")).status());
        answerOnce("/ext/50/summary", "1.0.0");
        answerOnce("/ext/50/version", "1.0.0");

        List<Poller> pollers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pollers.add(new Poller(asAdmin(), "/ext/50/summary", EDITIONS));
        }
        Poller neighbours = new Poller(asAdmin(), "/ext/50/version", Set.of("1.0.0"));
        pollers.add(neighbours);
        pollers.forEach(Poller::start);
        List<long[]> swaps = new ArrayList<>(); // PUT sent, PUT answered (nanoTime)
        List<String> versions = new ArrayList<>();
        for (int swap = 0; swap < 20; swap++) {
            String version = swap % 2 == 0 ? "1.1.0" : "1.0.0";
            long sent = System.nanoTime();
            HttpAnswer swapped = asAdmin().sendBytes("PUT", "/extensions/" + CHIANG_MAI, JAR,
                    SampleJars.read(version.equals("1.1.0") ? CHIANG_MAI : CHIANG_MAI + ".v100"));
            assertEquals(swapped.toString(), 200, swapped.status());
            swaps.add(new long[] {sent, System.nanoTime()});
            versions.add(version);
            Thread.sleep(100); // a few answers of this version before the next swap
        }
        for (Poller p : pollers) {
            p.stop();
        }

        long answers = 0;
        long longestGapMillis = 0;
        for (Poller p : pollers) {
            assertEquals("every answer of " + p.path + " is 200 from a version that was installed; the log says:\n"
                    + errorsInLog(), List.of(), List.copyOf(p.failures));
            answers += p.answers.size();
            longestGapMillis = Math.max(longestGapMillis, p.longestGapMillis());
        }
        System.out.printf("20 swaps under %d pollers: %d answers, 0 failed, longest gap %d ms%n", pollers.size(),
                answers, longestGapMillis);
        assertTrue("the pollers ran: " + answers, answers > 200);
        // a request sent after a swap answered, and answered before the next began, came from the new version
        for (Poller p : pollers.subList(0, 4)) {
            for (Answer a : p.answers) {
                for (int i = 0; i < swaps.size(); i++) {
                    long nextSent = i + 1 < swaps.size() ? swaps.get(i + 1)[0] : Long.MAX_VALUE;
                    if (a.sent >= swaps.get(i)[1] && a.received <= nextSent) {
                        assertEquals("an answer after swap " + i, versions.get(i), a.version);
                    }
                }
            }
        }
        assertEquals("exactly one bundle of the extension stays", 1, bundlesNamed(CHIANG_MAI).size());
        assertEquals("1.0.0", bundlesNamed(CHIANG_MAI).get(0).getVersion().toString());
        assertEquals("one application serves the province", 1, applicationsOfProvince("50").size());
        assertEquals("ACTIVE", extension(CHIANG_MAI).get("state").asText());
    }

    @Test
    public void theApplicationsInternalBaseCannotBeReachedFromOutside() throws Exception {
        String name = "org.apom.ext.p52.internal";
        assertEquals(201, asAdmin().sendBytes("POST", "/extensions", JAR,
                TestJars.extensionWithPlainResource(name, "1.0.0", "52")).status());
        answerOnce("/ext/52/version", "1.0.0");
        List<ApplicationDTO> applications = applicationsOfProvince("52");
        assertEquals(1, applications.size());
        String application = applications.get(0).name; // apom-ext-52-g<n>, at the internal base /g<n>
        String internal = application.substring(application.lastIndexOf('-') + 1);
        for (String path : List.of("/ext/" + internal + "/version", "/ext/" + internal + "/", "/ext/52/" + internal
                + "/version", "/ext/" + application + "/version", "/ext/99/version")) {
            HttpAnswer answer = asAdmin().get(path);
            assertEquals(path + ": " + answer, 404, answer.status());
            assertTrue(answer.body(), answer.body().contains("not-found"));
        }
        assertEquals(200, asAdmin().get("/ext/52/version").status());
    }

    @Test
    public void aVersionThatCannotStartLeavesTheOldOneServingUntouched() throws Exception {
        String name = "org.apom.ext.p51.sturdy";
        assertEquals(201, asAdmin().sendBytes("POST", "/extensions", JAR,
                TestJars.extensionWithPlainResource(name, "1.0.0", "51")).status());
        answerOnce("/ext/51/version", "1.0.0");
        Bundle before = bundlesNamed(name).get(0);
        long modified = before.getLastModified();
        Poller poller = new Poller(asAdmin(), "/ext/51/version", Set.of("1.0.0"));
        poller.start();
        HttpAnswer refused = asAdmin().sendBytes("PUT", "/extensions/" + name, JAR, TestJars.jar(java.util.Map.of(
                "Bundle-ManifestVersion", "2", "Bundle-SymbolicName", name, "Bundle-Version", "2.0.0",
                "Apom-Province", "51", "Import-Package", "org.apom.nothing.api")));
        Thread.sleep(300);
        poller.stop();
        PlatformContract.assertProblem(refused, 422, "cannot-start");
        assertEquals(List.of(), List.copyOf(poller.failures));
        assertTrue(poller.answers.size() > 5);
        assertEquals(List.of(before), bundlesNamed(name));
        assertEquals(Bundle.ACTIVE, before.getState());
        assertEquals("the old version was not restarted or refreshed", modified, before.getLastModified());
        assertEquals("1.0.0", extension(name).get("version").asText());
        assertEquals(1, applicationsOfProvince("51").size());
    }

    /** One answer of a poller: when its request was sent and answered, and which version answered. */
    private record Answer(long sent, long received, String version) {
    }

    /** A client that sends requests one after the other without pause, and notes every answer. */
    private static final class Poller {
        final String path;
        final Set<String> versions;
        final Http as;
        final List<Answer> answers = new ArrayList<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread thread;

        Poller(Http as, String path, Set<String> versions) {
            this.as = as;
            this.path = path;
            this.versions = versions;
            this.thread = new Thread(this::poll, "poll " + path);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        private void poll() {
            while (running.get()) {
                long sent = System.nanoTime();
                try {
                    HttpAnswer answer = as.get(path);
                    long received = System.nanoTime();
                    String version = answer.status() != 200 ? null
                            : path.endsWith("/summary") ? answer.json().get("version").asText() : answer.body().strip();
                    if (version == null || !versions.contains(version)) {
                        failures.add(answer.status() + " " + answer.body());
                    } else {
                        answers.add(new Answer(sent, received, version));
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }

        /** The longest time between two answers this client got (its own requests are back to back). */
        long longestGapMillis() {
            long longest = 0;
            for (int i = 1; i < answers.size(); i++) {
                longest = Math.max(longest, answers.get(i).received - answers.get(i - 1).received);
            }
            return longest / 1_000_000;
        }
    }

    private void answerOnce(String path, String version) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        HttpAnswer last = null;
        while (System.nanoTime() < deadline) {
            last = asAdmin().get(path);
            if (last.status() == 200 && last.body().contains(version)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " never answered " + version + ": " + last);
    }

    private com.fasterxml.jackson.databind.JsonNode extension(String name) throws Exception {
        for (com.fasterxml.jackson.databind.JsonNode e : asAdmin().get("/extensions").json().get("items")) {
            if (e.get("symbolicName").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no extension " + name);
    }

    private List<Bundle> bundlesNamed(String symbolicName) {
        List<Bundle> found = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                found.add(b);
            }
        }
        return found;
    }

    /** The whiteboard's applications of the province's extensions (apom-ext-50-g...). */
    private List<ApplicationDTO> applicationsOfProvince(String province) {
        ServiceReference<JaxrsServiceRuntime> reference = context.getServiceReference(JaxrsServiceRuntime.class);
        JaxrsServiceRuntime runtime = context.getService(reference);
        try {
            List<ApplicationDTO> found = new ArrayList<>();
            for (ApplicationDTO a : runtime.getRuntimeDTO().applicationDTOs) {
                if (a.name.startsWith("apom-ext-" + province + "-")) {
                    found.add(a);
                }
            }
            return found;
        } finally {
            context.ungetService(reference);
        }
    }
}

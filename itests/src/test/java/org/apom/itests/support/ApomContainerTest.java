package org.apom.itests.support;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Base of every container test: boots the real distribution tarball in Pax Exam on free ports, waits until
 * the platform serves, and gives HTTP helpers. Subclasses add options with {@link #extraOptions()} (another
 * database, a configuration) and run their tests inside the container.
 */
public abstract class ApomContainerTest {

    /** The port the REST API listens on inside this test's container. */
    protected static final String HTTP_PORT_PROPERTY = "apom.test.http.port";
    /** Where the sample files of src/test/resources/files are, for tests that send them. */
    protected static final String FILES_PROPERTY = "apom.test.files";
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    /** Why this container never became ready, once a test has waited the whole time for it. */
    private static volatile String gaveUp;
    private static final String KARAF_VERSION = "4.4.10";

    @Configuration
    public Option[] config() {
        String distribution = required("apom.distribution");
        String localRepository = required("apom.localRepository");
        String httpPort = freePort();
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(distribution).toURI().toString())
                        .karafVersion(KARAF_VERSION)
                        .name("Apom")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                systemProperty(HTTP_PORT_PROPERTY).value(httpPort),
                // every exchange of the tests is checked against the served OpenAPI document, outside the container
                systemProperty(ContractValidator.URL_PROPERTY).value(ContractValidator.url()),
                // PDFs the platform serves are read and rendered in the driver, where PDFBox is (PdfPages)
                systemProperty(PdfServer.URL_PROPERTY).value(PdfServer.url()),
                systemProperty(FILES_PROPERTY).value(new File("src/test/resources/files").getAbsolutePath()),
                systemProperty("apom.test.openapi").value(required("apom.openapi")),
                // services injected with @Inject may take longer than Pax Exam's 10 s on a busy 2-core machine
                systemProperty("pax.exam.service.timeout").value("300000"),
                // the probe's own lookups (its JUnit invoker, Pax Exam's Injector) use swissbox's ServiceLookup,
                // whose 10 s default only this property changes; trap 59 has why they could lose that race
                systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value("120000"),
                // most tests install jars of their own making; the review workflow has tests of its own
                editConfigurationFilePut("etc/org.apom.extensions.cfg", "developmentMode",
                        String.valueOf(extensionsDevelopmentMode())),
                // webhooks of the tests post to servers of their own on this machine
                editConfigurationFilePut("etc/org.apom.webhooks.cfg", "allowedHosts", "127.0.0.1"),
                editConfigurationFilePut("etc/org.apom.webhooks.cfg", "allowLoopback", "true"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                // the container resolves Pax Exam's own bundles from the build's repository, never the network
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.offline", "true"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.defaultLocalRepoAsRemote", "true")));
        options.addAll(javaModuleOptions());
        options.addAll(extraOptions());
        return options.toArray(new Option[0]);
    }

    /** Whether any extension jar that passes the rules runs without review (docs/extensions.md). */
    protected boolean extensionsDevelopmentMode() {
        return true;
    }

    /** Options a subclass adds: another database, a configuration, a bundle to install. */
    protected List<Option> extraOptions() {
        return List.of();
    }

    /** Waits until the platform answers health UP and its reference data is loaded. */
    @Before
    public void waitUntilReady() throws Exception {
        if (gaveUp != null) {
            throw new AssertionError("Apom did not become ready for an earlier test of this class: " + gaveUp);
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpAnswer health = http().get("/health");
                last = "health " + health.status() + " " + health.body();
                if (health.status() == 200 && !Files.exists(adminPasswordFile())) {
                    last += ", no first admin yet (" + adminPasswordFile() + ")";
                } else if (health.status() == 200) {
                    HttpAnswer provinces = asAdmin().get("/areas/provinces");
                    if (provinces.status() == 200) {
                        return;
                    }
                    last += ", provinces " + provinces.status();
                }
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(250);
        }
        last += "\nerrors in the container's log:\n" + errorsInLog() + "\n" + keepLog();
        // a platform that did not start does not start later: the next tests of this container fail at once
        gaveUp = last;
        throw new AssertionError("Apom was not ready within " + READY_WITHIN + ": " + last);
    }

    /**
     * Copies the container's karaf.log out of the container's folder, which Pax Exam deletes, to
     * {@code itests/target/failed-containers/}: a rare boot failure (docs/stack.md trap 8) needs the whole log.
     */
    private static String keepLog() {
        try {
            Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
            // karaf.base lies under target/exam/<container>/; the log goes to target/failed-containers/<container>
            Path container = Path.of(System.getProperty("karaf.base")).toAbsolutePath().normalize();
            while (container.getParent() != null && !container.getParent().getFileName().toString().equals("exam")) {
                container = container.getParent();
            }
            Path kept = container.getParent() == null ? Path.of(System.getProperty("java.io.tmpdir"), "karaf.log")
                    : container.getParent().resolveSibling("failed-containers").resolve(container.getFileName()
                            + "-karaf.log");
            Files.createDirectories(kept.getParent());
            Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return "the container's whole log is kept in " + kept;
        } catch (IOException | RuntimeException e) {
            return "(the container's log could not be kept: " + e + ")";
        }
    }

    /**
     * The last ERROR lines of the container's karaf.log, each with the exception line after it, which Pax Exam
     * deletes with the container.
     */
    protected static String errorsInLog() {
        try {
            List<String> lines = Files.readAllLines(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains("| ERROR |") || line.startsWith("Caused by") || line.strip().startsWith("Suppressed:")) {
                    errors.add(line);
                    if (line.contains("| ERROR |") && i + 1 < lines.size() && !lines.get(i + 1).contains(" | ")) {
                        errors.add(lines.get(i + 1));
                    }
                }
            }
            return String.join("\n", errors.subList(Math.max(0, errors.size() - 20), errors.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    /** An HTTP client for the API of the container this test runs in. */
    protected Http http() {
        return new Http(Integer.getInteger(HTTP_PORT_PROPERTY));
    }

    /** A client logged in as the first central admin, with the password the platform generated. */
    protected Http asAdmin() throws IOException {
        return http().as("admin", Files.readString(adminPasswordFile()).strip());
    }

    /**
     * Waits until every committed audit entry is sealed into the chain (the sequencer runs every 200 ms), so that
     * {@code GET /audit} lists what was just written; fails after two minutes. Health says how many wait, without
     * walking the chain as the verification does.
     */
    protected void awaitAuditSealed() throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpAnswer health = http().get("/health");
            last = health.body();
            if (health.json().at("/components/audit/details/waiting").asLong(-1) == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("audit entries still wait to be sealed: " + last);
    }

    /** A sample file's bytes, exactly as a province would send them. */
    protected static byte[] sampleFile(String name) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty(FILES_PROPERTY), name));
    }

    protected static Path adminPasswordFile() {
        return Path.of(System.getProperty("karaf.etc"), "apom-admin.password");
    }

    // bin/karaf passes these on Java 9+; Pax Exam does not (trap 13)
    private static List<Option> javaModuleOptions() {
        List<Option> options = new ArrayList<>();
        options.add(vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"));
        options.add(vmOption("-Dliquibase.analytics.enabled=false"));
        for (String flag : List.of(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED")) {
            options.add(vmOption(flag));
        }
        return options;
    }

    /** A port nobody listens on now. */
    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests with Maven");
        }
        return value;
    }
}

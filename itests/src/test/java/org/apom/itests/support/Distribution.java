package org.apom.itests.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution, unpacked into {@code target/<folder>} and run with its own scripts (bin/start, bin/stop),
 * as central IT runs it: no Pax Exam. Each unpacking takes free ports, so nothing of it meets another test's
 * container on the machine.
 */
public final class Distribution {

    private final Path home;
    private final int port;

    /** Unpacks the distribution afresh (whatever a former test left in the folder is removed). */
    public Distribution(String folder) throws IOException, InterruptedException {
        home = Path.of("target", folder).toAbsolutePath();
        if (Files.exists(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "xzf", System.getProperty("apom.distribution"), "-C", home.toString(),
                "--strip-components=1").inheritIO().start();
        assertEquals(0, tar.waitFor());
        port = freePort();
        edit(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", freePort());
        edit(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", freePort());
        edit(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", freePort());
    }

    public Path home() {
        return home;
    }

    /** The HTTP port this unpacking was given (APOM_HTTP_PORT of each script run). */
    public int port() {
        return port;
    }

    public boolean running() {
        return Files.exists(home.resolve("karaf.pid"));
    }

    /** Runs one of its scripts with these variables (and its port), its output appended to launcher.log. */
    public void run(String script, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve(script).toString()).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("launcher.log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("APOM_HTTP_PORT", String.valueOf(port));
        builder.start().waitFor();
    }

    /** What a script answered: its exit code and everything it printed. */
    public record Outcome(int exitCode, String output) {
    }

    /**
     * Runs one of its scripts with exactly these variables added (no port of its own) and these arguments, for at
     * most a minute, and says what it answered.
     */
    public Outcome runScript(String script, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve(script).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not end within a minute: " + new String(output, UTF_8));
        }
        return new Outcome(process.exitValue(), new String(output, UTF_8));
    }

    /** Waits until the check answers true (an exception counts as not yet), for at most three minutes. */
    public void awaitReady(Callable<Boolean> ready) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (ready.call()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the platform did not become ready; see " + home.resolve("data/log/karaf.log"));
    }

    /** Stops the platform and waits for its JVM: bin/start refuses to start while the old one holds the instance. */
    public void stopAndWait() throws Exception {
        long pid = Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
        run("bin/stop", Map.of());
        Optional<ProcessHandle> jvm = ProcessHandle.of(pid);
        if (jvm.isPresent() && jvm.get().onExit().completeOnTimeout(null, 120, TimeUnit.SECONDS).join() == null) {
            jvm.get().destroyForcibly();
            throw new AssertionError("the platform did not stop within 120 s; see " + home.resolve("data/log/karaf.log"));
        }
    }

    private static void edit(Path cfg, String key, int value) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(cfg)) {
            lines.add(line.matches("\\s*" + key + "\\s*=.*") ? key + " = " + value : line);
        }
        Files.write(cfg, lines);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

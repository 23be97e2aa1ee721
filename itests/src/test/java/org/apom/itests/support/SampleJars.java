package org.apom.itests.support;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ops4j.pax.exam.Option;

/** The sample extensions (extensions/) as the reactor built them, read from inside the container. */
public final class SampleJars {

    private SampleJars() {
    }

    /** What the container needs to find them: the reactor's extensions folder and the build's version. */
    public static List<Option> options() {
        return List.of(systemProperty("apom.test.extensions").value(System.getProperty("apom.extensions")),
                systemProperty("apom.test.version").value(System.getProperty("apom.version")));
    }

    /** A sample's jar, by its module name ({@code org.apom.ext.p50.chiangmai.v100}). */
    public static byte[] read(String module) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("apom.test.extensions"), module, "target",
                module + "-" + System.getProperty("apom.test.version") + ".jar"));
    }
}

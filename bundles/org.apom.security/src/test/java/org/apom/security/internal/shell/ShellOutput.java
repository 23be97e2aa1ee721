package org.apom.security.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a command prints to System.out, as Karaf hands each session's output to it. */
final class ShellOutput {

    private ShellOutput() {
    }

    interface Run {
        Object execute() throws Exception;
    }

    static String of(Run command) throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(before);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The lines of a {@code --no-format} table without the padding Karaf keeps in each cell. */
    static String unpadded(String printed) {
        return printed.replace("\r", "").replaceAll(" +\t", "\t");
    }
}

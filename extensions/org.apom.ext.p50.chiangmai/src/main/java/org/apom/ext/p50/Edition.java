package org.apom.ext.p50;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This bundle's own version, written into edition.properties by the build (the same sources make 1.0.0 and 1.1.0). */
final class Edition {

    static final String VERSION = read();

    private Edition() {
    }

    /** Whether this edition is at least major.minor. */
    static boolean atLeast(int major, int minor) {
        String[] parts = VERSION.split("\\.");
        int ma = Integer.parseInt(parts[0]);
        return ma > major || ma == major && Integer.parseInt(parts[1]) >= minor;
    }

    private static String read() {
        try (InputStream in = Edition.class.getResourceAsStream("edition.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

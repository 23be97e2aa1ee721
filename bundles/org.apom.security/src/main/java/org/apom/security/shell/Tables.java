package org.apom.security.shell;

import org.apache.karaf.shell.support.table.ShellTable;

/** Karaf's {@link ShellTable} with its columns, as every {@code apom:} listing starts one. */
public final class Tables {

    private Tables() {
    }

    /**
     * @param empty what a formatted table says when it has no row (a {@code --no-format} one prints nothing)
     */
    public static ShellTable of(String empty, String... headers) {
        ShellTable table = new ShellTable().emptyTableText(empty);
        for (String header : headers) {
            table.column(header);
        }
        return table;
    }
}

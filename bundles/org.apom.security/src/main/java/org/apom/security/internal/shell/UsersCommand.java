package org.apom.security.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.apom.security.api.UserDirectory;
import org.apom.security.api.UserView;
import org.apom.security.shell.ApomAction;
import org.apom.security.shell.Cells;
import org.apom.security.shell.Tables;

/** {@code apom:users}: every account, as GET /users lists them (never a password or its hash). */
@Command(scope = "apom", name = "users", description = "List the accounts")
@Service
public class UsersCommand extends ApomAction {

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Reference
    UserDirectory users;

    @Override
    protected void execute(Caller caller) {
        ShellTable table = Tables.of("No accounts.", "Username", "Roles", "Province", "Enabled", "Locked", "Created",
                "Last login");
        for (UserView u : everyPage(page -> users.list(caller, page))) {
            table.addRow().addContent(u.username(), Cells.of(u.roles().stream().map(Role::id).toList()),
                    Cells.of(u.province()), u.enabled(), u.locked(), Cells.of(u.createdAt()), Cells.of(u.lastLoginAt()));
        }
        table.print(System.out, !noFormat);
    }
}

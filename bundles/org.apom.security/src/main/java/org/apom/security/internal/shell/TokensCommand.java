package org.apom.security.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apom.security.api.Caller;
import org.apom.security.api.TokenService;
import org.apom.security.api.TokenView;
import org.apom.security.shell.ApomAction;
import org.apom.security.shell.Cells;
import org.apom.security.shell.Tables;

/**
 * {@code apom:tokens}: the integrators' API tokens, newest first, as GET /tokens lists them. A token's secret is
 * stored only as a hash and shown once, at creation, so it cannot be printed here.
 */
@Command(scope = "apom", name = "tokens", description = "List the integrators' API tokens (never their secrets)")
@Service
public class TokensCommand extends ApomAction {

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Reference
    TokenService tokens;

    @Override
    protected void execute(Caller caller) {
        ShellTable table = Tables.of("No tokens.", "Id", "Name", "Scopes", "Province", "Expires", "Created by", "Created",
                "Revoked", "Last used");
        for (TokenView t : everyPage(page -> tokens.list(caller, page))) {
            table.addRow().addContent(t.id(), t.name(), Cells.of(t.scopes()), Cells.of(t.province()),
                    Cells.of(t.expiresOn()), t.createdBy(), Cells.of(t.createdAt()), Cells.of(t.revokedAt()),
                    Cells.of(t.lastUsedAt()));
        }
        table.print(System.out, !noFormat);
    }
}

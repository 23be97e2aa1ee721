package org.apom.security.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apom.security.api.Caller;

/**
 * Completes an argument from the platform's data, read as the shell's user, each value with a short description
 * (Karaf shows it beside the value). A completion that cannot read the data offers nothing: it never fails the
 * line being typed.
 */
public abstract class ApomCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<Candidate> found = new ArrayList<>();
        completeCandidates(session, commandLine, found);
        return new StringsCompleter(found.stream().map(Candidate::value).toList())
                .complete(session, commandLine, candidates);
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        Map<String, String> values;
        try {
            values = candidates(Caller.shell());
        } catch (RuntimeException unreadable) {
            return;
        }
        values.forEach((value, description) -> candidates.add(
                new Candidate(value, value, null, description, null, null, true)));
    }

    /** The values to offer, in the order to show them, each with its description ({@code null} for none). */
    protected abstract Map<String, String> candidates(Caller caller);
}

package org.apom.security.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apom.security.api.AuditSealing;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.AuditVerification;
import org.apom.security.api.Caller;
import org.apom.security.shell.ApomAction;

/**
 * {@code apom:audit-verify}: walks the audit chain and says whether any entry was edited or removed; a broken
 * chain fails the command, so that a scheduled {@code bin/client "apom:audit-verify"} raises the alarm.
 */
@Command(scope = "apom", name = "audit-verify", description = "Checks that no audit entry was edited or removed")
@Service
public class AuditVerifyCommand extends ApomAction {

    @Reference
    AuditTrail trail;

    @Override
    protected void execute(Caller caller) throws CommandException {
        AuditSealing sealing = trail.sealing(caller);
        AuditVerification result = trail.verify(caller);
        System.out.println(sealing.waiting() + " committed entries wait to be sealed"
                + (sealing.oldestWaitingSince() == null ? "" : ", the oldest since " + sealing.oldestWaitingSince())
                + (sealing.lastFailure() == null ? "" : "; sealing fails: " + sealing.lastFailure()) + ".");
        if (!result.intact()) {
            throw new CommandException("AUDIT TRAIL BROKEN at entry " + result.brokenAt() + ": " + result.reason()
                    + " (" + result.entries() + " entries before it check).");
        }
        System.out.println("Audit trail intact: " + result.entries() + " entries, every hash checks.");
    }
}

package org.apom.security.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.AuditSealing;
import org.apom.security.api.AuditVerification;
import org.apom.security.api.Caller;

/** {@code apom:audit-verify}: walks the audit chain and says whether any entry was edited or removed. */
@Command(scope = "apom", name = "audit-verify", description = "Checks that no audit entry was edited or removed")
@Service
public class AuditVerifyCommand implements Action {

    @Reference
    private AuditTrail trail;

    @Override
    public Object execute() {
        // only central admins reach the shell (the apom realm gives only them the ssh role)
        Caller shell = Caller.system("karaf-shell");
        AuditSealing sealing = trail.sealing(shell);
        AuditVerification result = trail.verify(shell);
        if (result.intact()) {
            System.out.println("Audit trail intact: " + result.entries() + " entries, every hash checks.");
        } else {
            System.out.println("AUDIT TRAIL BROKEN at entry " + result.brokenAt() + ": " + result.reason()
                    + " (" + result.entries() + " entries before it check).");
        }
        System.out.println(sealing.waiting() + " committed entries wait to be sealed"
                + (sealing.oldestWaitingSince() == null ? "" : ", the oldest since " + sealing.oldestWaitingSince())
                + (sealing.lastFailure() == null ? "" : "; sealing fails: " + sealing.lastFailure()) + ".");
        return null;
    }
}

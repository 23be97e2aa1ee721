package org.apom.extensions.internal;

import java.util.List;

import org.apom.extensions.admin.ExtensionAdministration;
import org.apom.extensions.admin.InstalledExtension;
// shadows the manager's own record of the same name, which the REST API answers with
import org.apom.extensions.admin.Reconciliation;
import org.apom.extensions.admin.Submission;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The manager and its reviews, as the workspace sees them: the same checks, the same audit, other records. */
@Component(service = ExtensionAdministration.class)
public final class ExtensionAdministrator implements ExtensionAdministration {

    private final ExtensionManager manager;

    @Activate
    public ExtensionAdministrator(@Reference ExtensionManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean developmentMode() {
        return manager.developmentMode();
    }

    @Override
    public List<InstalledExtension> installed(Caller caller) {
        return manager.list(caller).stream().map(ExtensionAdministrator::installed).toList();
    }

    @Override
    public List<Reconciliation> reconciled(Caller caller) {
        return manager.reconciled(caller).stream().map(r -> new Reconciliation(r.at(), r.symbolicName(),
                r.province(), r.disagreement(), r.bundleVersion(), r.recordVersion(), r.outcome())).toList();
    }

    @Override
    public List<Submission> submissions(Caller caller) {
        return manager.reviews().list(caller, null).stream().map(ExtensionAdministrator::submission).toList();
    }

    @Override
    public Submission approve(Caller caller, String submissionId, String reason) {
        return submission(manager.reviews().approve(caller, submissionId, reason));
    }

    @Override
    public Submission reject(Caller caller, String submissionId, String reason) {
        return submission(manager.reviews().reject(caller, submissionId, reason));
    }

    @Override
    public InstalledExtension install(Caller caller, String symbolicName, String version) {
        return installed(manager.installApproved(caller, symbolicName, version));
    }

    @Override
    public InstalledExtension swap(Caller caller, String symbolicName, String version) {
        return installed(manager.updateApproved(caller, symbolicName, version));
    }

    @Override
    public InstalledExtension rollback(Caller caller, String symbolicName) {
        return installed(manager.rollback(caller, symbolicName));
    }

    private static InstalledExtension installed(ExtensionInfo e) {
        return new InstalledExtension(e.symbolicName(), e.province(), e.version(), e.previousVersion(), e.state(),
                e.services(), e.lastError(), e.changedBy(), e.changedAt(), e.trust());
    }

    private static Submission submission(SubmissionInfo s) {
        return new Submission(s.id(), s.symbolicName(), s.province(), s.version(), s.sha256(), s.state(),
                s.submittedBy(), s.submittedAt(), s.reviewedBy(), s.reviewedAt(), s.reason());
    }
}

package org.apom.extensions.admin;

import java.util.List;

import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The extensions a caller manages and the submissions a caller may see, and the moves between them, as
 * {@code /api/v1/extensions} and {@code /api/v1/extensions/submissions} make them (docs/extensions.md).
 *
 * @throws org.apom.core.api.problem.ProblemException as the API's answers: 403 without the role, 404 for what the
 *         caller's province may not see, 409 for a move the state does not allow, 422 for a missing reason
 */
@ProviderType
public interface ExtensionAdministration {

    /** Whether any jar runs without review (a developer's platform); never on a production install. */
    boolean developmentMode();

    List<InstalledExtension> installed(Caller caller);

    /**
     * The newest repairs (at most 20) of disagreements between a node's bundles and the records, in the provinces
     * the caller manages, newest first: an extension removed for want of a record is in no other list.
     *
     * @since 1.1
     */
    List<Reconciliation> reconciled(Caller caller);

    /** Every submission the caller may see, newest first. */
    List<Submission> submissions(Caller caller);

    Submission approve(Caller caller, String submissionId, String reason);

    Submission reject(Caller caller, String submissionId, String reason);

    /** Installs an approved version of an extension not installed yet. */
    InstalledExtension install(Caller caller, String symbolicName, String version);

    /** Swaps a running extension to another approved version while the platform serves. */
    InstalledExtension swap(Caller caller, String symbolicName, String version);

    /** Goes back to the version that ran before the last swap. */
    InstalledExtension rollback(Caller caller, String symbolicName);
}

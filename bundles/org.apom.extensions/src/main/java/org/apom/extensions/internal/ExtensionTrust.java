package org.apom.extensions.internal;

import java.util.List;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;

/**
 * Whether a jar may run at all. Extension code has the platform's full trust (docs/security.md), so only reviewed
 * code runs: a jar a central reviewer approved (by its digest, for its province), or one signed by a key in the
 * ministry's trust store. In development mode (a cfg flag or {@code APOM_EXTENSIONS_DEV=true}, never in
 * production) any jar that passes the rules runs, and health and the list say so.
 */
final class ExtensionTrust {

    /** Why a running extension was let in. */
    enum Basis {
        REVIEWED, SIGNED, DEVELOPMENT;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final boolean developmentMode;
    private final JarSignatures signatures;

    ExtensionTrust(boolean developmentMode, JarSignatures signatures) {
        this.developmentMode = developmentMode;
        this.signatures = signatures;
    }

    boolean developmentMode() {
        return developmentMode;
    }

    boolean trustStoreConfigured() {
        return signatures.required();
    }

    /**
     * @param approved whether a reviewer approved exactly this jar for its province
     * @throws ProblemException 422 {@code not-reviewed}, or {@code extension-rules} with the signature's error when
     *         central IT configured a trust store
     */
    Basis require(ExtensionJar jar, boolean approved) {
        if (approved) {
            return Basis.REVIEWED;
        }
        List<FieldError> signature = signatures.check(jar.bytes());
        if (signatures.required() && signature.isEmpty()) {
            return Basis.SIGNED;
        }
        if (developmentMode) {
            return Basis.DEVELOPMENT;
        }
        if (signatures.required()) {
            throw new ProblemException(422, "extension-rules", LocalizedText.of(
                    "The jar is neither approved by a reviewer nor signed by a key central IT trusts.",
                    "แฟ้มนี้ยังไม่ได้รับอนุมัติจากผู้ตรวจ และไม่ได้ลงลายมือชื่อด้วยกุญแจที่ส่วนกลางเชื่อถือ"), signature);
        }
        throw notReviewed();
    }

    static ProblemException notReviewed() {
        return new ProblemException(422, "not-reviewed", LocalizedText.of(
                "Only reviewed extensions run: submit the jar for review (POST /extensions/submissions); once a "
                        + "central reviewer approves it, install it.",
                "ติดตั้งได้เฉพาะส่วนขยายที่ผ่านการตรวจ ส่งแฟ้มให้ตรวจ (POST /extensions/submissions) "
                        + "เมื่อผู้ตรวจส่วนกลางอนุมัติแล้วจึงติดตั้ง"), List.of());
    }
}

package org.apom.security.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;

/** A username and password from an {@code Authorization: Basic ...} header. */
record BasicCredentials(String username, char[] password) {

    private static final String SCHEME = "Basic ";

    /**
     * @throws ProblemException 401 {@code authentication-required} without a header, 401
     *         {@code malformed-authorization} for anything that is not well-formed Basic credentials
     */
    static BasicCredentials parse(String header) {
        if (header == null || header.isBlank()) {
            throw unauthorized("authentication-required", LocalizedText.of(
                    "This resource needs a login: send Authorization: Basic with your username and password.",
                    "ต้องเข้าสู่ระบบก่อน: ส่ง Authorization: Basic พร้อมชื่อผู้ใช้และรหัสผ่าน"));
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw malformed("The Authorization header must use the Basic scheme.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed("The Basic credentials are not valid base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw malformed("The Basic credentials must be username:password.");
        }
        return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
    }

    static ProblemException unauthorized(String code, LocalizedText detail) {
        return new ProblemException(401, code, detail, java.util.List.of());
    }

    private static ProblemException malformed(String en) {
        return unauthorized("malformed-authorization", LocalizedText.of(en,
                "ส่วนหัว Authorization ไม่ถูกต้อง ต้องอยู่ในรูป Basic base64(ชื่อผู้ใช้:รหัสผ่าน)"));
    }
}

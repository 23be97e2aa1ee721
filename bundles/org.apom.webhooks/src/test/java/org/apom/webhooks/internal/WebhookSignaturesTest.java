package org.apom.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    /** The example of the Standard Webhooks specification, so that any of its libraries verifies ours. */
    @Test
    void signsAsTheStandardWebhooksExample() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignatures.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }

    @Test
    void anyChangeOfIdTimeOrBodyChangesTheSignature() {
        String secret = WebhookSignatures.newSecret();
        String signed = WebhookSignatures.sign(secret, "msg_1", 1000, "{}");
        assertNotEquals(signed, WebhookSignatures.sign(secret, "msg_2", 1000, "{}"));
        assertNotEquals(signed, WebhookSignatures.sign(secret, "msg_1", 1001, "{}"));
        assertNotEquals(signed, WebhookSignatures.sign(secret, "msg_1", 1000, "{ }"));
        assertNotEquals(signed, WebhookSignatures.sign(WebhookSignatures.newSecret(), "msg_1", 1000, "{}"));
    }

    @Test
    void secretsAre32RandomBytes() {
        String secret = WebhookSignatures.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSignatures.newSecret());
    }
}

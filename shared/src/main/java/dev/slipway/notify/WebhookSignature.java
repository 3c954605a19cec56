package dev.slipway.notify;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Slipway-Signature-256} header: {@code sha256=} and the lower-case hex HMAC-SHA256 of
 * the exact body bytes under the shared webhook secret (the scheme GitHub's webhooks use, so
 * receivers can reuse their verification code).
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Slipway-Signature-256";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /**
     * @throws IllegalArgumentException if the secret is empty
     */
    public static String sign(byte[] secret, byte[] body) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether a header value is the signature of the body, compared in constant time. */
    public static boolean verify(byte[] secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}

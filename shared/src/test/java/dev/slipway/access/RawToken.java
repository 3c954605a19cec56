package dev.slipway.access;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes token bytes by the layout documented in {@code package-info.java}, independently of
 * {@link TokenFormat}, so tests can pin the format and craft tokens the signer would refuse to make.
 */
final class RawToken {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    RawToken u8(int value) {
        out.write(value);
        return this;
    }

    RawToken u32(long value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    RawToken field(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** Version 1, key id, purpose, times, then a build scope. */
    static RawToken buildToken(String keyId, int purposeCode, long issuedAt, long ttlSeconds, String buildId) {
        return new RawToken().u8(1).field(keyId).u8(purposeCode).u32(issuedAt).u32(ttlSeconds).u8(1).field(buildId);
    }

    byte[] payload() {
        return out.toByteArray();
    }

    /** The token text: these bytes, then the first 16 bytes of their HMAC-SHA256 with {@code key}. */
    String signedWith(byte[] key) {
        byte[] payload = payload();
        byte[] tag = Arrays.copyOf(hmac(key, payload), 16);
        return encode(concat(payload, tag));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static String encode(byte[] raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static byte[] decode(String token) {
        return Base64.getUrlDecoder().decode(token);
    }
}

package dev.slipway.access;

import dev.slipway.access.InvalidTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Authenticates short opaque values other than link tokens (a device enrolment challenge, a device
 * token) with the same key ring, so they rotate with the link keys and need no store.
 *
 * <p>Layout: base64url without padding of {@code 0x80 | key id length | key id | content | tag},
 * the tag being HMAC-SHA256 truncated to 16 bytes over a context label, a zero byte and every byte
 * before the tag. The leading {@code 0x80} is not a link token version, so neither kind is ever
 * accepted as the other; the context label keeps one sealed kind from passing as another. What the
 * content means (expiry included) is the caller's business: this only says it is genuine.
 */
public final class Seal {
    private static final int VERSION = 0x80;
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final KeySource keys;
    private final int maxChars;

    /**
     * @param keys the current key seals, every key opens
     * @param maxChars the longest sealed text {@link #open} decodes (checked before decoding)
     */
    public Seal(KeySource keys, int maxChars) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.maxChars = maxChars;
    }

    /**
     * Seals content with the current key.
     *
     * @param context what the content is, e.g. {@code "device-challenge"}; the same label opens it
     * @param content the bytes to protect (not hidden: anyone can read them)
     * @return URL-safe text
     * @throws IllegalArgumentException if the result would be longer than the limit given at construction
     */
    public String seal(String context, byte[] content) {
        KeyRing ring = keys.keys();
        byte[] keyId = ring.currentKeyId().getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[2 + keyId.length + content.length];
        body[0] = (byte) VERSION;
        body[1] = (byte) keyId.length;
        System.arraycopy(keyId, 0, body, 2, keyId.length);
        System.arraycopy(content, 0, body, 2 + keyId.length, content.length);
        byte[] tag = tag(ring.currentKey(), context, body, body.length);
        byte[] raw = Arrays.copyOf(body, body.length + TAG_BYTES);
        System.arraycopy(tag, 0, raw, body.length, TAG_BYTES);
        String text = ENCODER.encodeToString(raw);
        if (text.length() > maxChars) {
            throw new IllegalArgumentException("sealed " + context + " is " + text.length() + " characters, at most "
                    + maxChars);
        }
        return text;
    }

    /**
     * Checks a sealed text and returns its content.
     *
     * @param context the label it was sealed with
     * @param text the text from the request; may be null or anything at all
     * @return the content
     * @throws InvalidTokenException {@link Reason#MALFORMED} for a wrong size, alphabet or layout,
     *     {@link Reason#UNKNOWN_KEY}, or {@link Reason#BAD_SIGNATURE} if the tag does not match
     */
    public byte[] open(String context, String text) throws InvalidTokenException {
        if (text == null || text.isEmpty() || text.length() > maxChars) {
            throw new InvalidTokenException(Reason.MALFORMED, context + " is empty or longer than " + maxChars
                    + " characters");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.MALFORMED, context + " is not base64url");
        }
        if (raw.length < 3 + TAG_BYTES || (raw[0] & 0xFF) != VERSION || raw[1] < 1 || raw[1] > 16
                || raw.length < 2 + raw[1] + TAG_BYTES) {
            throw new InvalidTokenException(Reason.MALFORMED, context + " has the wrong layout");
        }
        String keyId = new String(raw, 2, raw[1], StandardCharsets.US_ASCII);
        SecretKey key = keys.keys().key(keyId);
        if (key == null) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY, context + " sealed with unknown key id " + LogText.quote(keyId));
        }
        int bodyLength = raw.length - TAG_BYTES;
        byte[] expected = tag(key, context, raw, bodyLength);
        // Constant time, as for link tokens.
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, bodyLength, raw.length))) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE, context + " tag does not match (key "
                    + LogText.quote(keyId) + ")");
        }
        return Arrays.copyOfRange(raw, 2 + raw[1], bodyLength);
    }

    private static byte[] tag(SecretKey key, String context, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(data, 0, length);
            return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}

package dev.slipway.access;

import dev.slipway.access.InvalidTokenException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The bytes of a token, version 1 (the layout is documented in {@code package-info.java}). Only
 * byte layout lives here; {@link LinkSigner} does the cryptography and the checks.
 */
final class TokenFormat {
    static final int VERSION = 1;
    /**
     * HMAC-SHA256 truncated to 128 bits (RFC 2104 section 5 allows half the output; RFC 4868 uses
     * exactly this): forging still means guessing 2^128 values one HTTP request at a time, and the
     * token stays short enough for a QR code and a chat message.
     */
    static final int TAG_BYTES = 16;
    static final int MAX_CHARS = 512;
    static final int MAX_KEY_ID_BYTES = 16;
    static final int MAX_FIELD_BYTES = 255;

    private static final int SCOPE_BUILD = 1;
    private static final int SCOPE_APP_CHANNEL = 2;
    private static final int SCOPE_APP = 3;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The content of a signed token after its header. */
    record Body(Purpose purpose, long issuedAt, long ttlSeconds, Scope scope) {
    }

    private TokenFormat() {
    }

    /**
     * The signed part of a token.
     *
     * @throws IllegalArgumentException if a scope field is not valid Unicode or too long to encode
     */
    static byte[] payload(String keyId, Purpose purpose, long issuedAt, long ttlSeconds, Scope scope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(VERSION);
        writeField(out, "key id", keyId);
        out.write(purpose.code());
        writeUnsignedInt(out, issuedAt);
        writeUnsignedInt(out, ttlSeconds);
        if (scope instanceof BuildScope build) {
            out.write(SCOPE_BUILD);
            writeField(out, "build id", build.buildId());
        } else if (scope instanceof AppScope app) {
            out.write(app.channel() == null ? SCOPE_APP : SCOPE_APP_CHANNEL);
            writeField(out, "bundle id", app.bundleId());
            if (app.channel() != null) {
                writeField(out, "channel", app.channel());
            }
        }
        return out.toByteArray();
    }

    /** The token's text: base64url without padding of the payload followed by the tag. */
    static String text(byte[] payload, byte[] tag) {
        byte[] raw = Arrays.copyOf(payload, payload.length + tag.length);
        System.arraycopy(tag, 0, raw, payload.length, tag.length);
        return ENCODER.encodeToString(raw);
    }

    /**
     * The token's bytes, after checking its text's length and alphabet before decoding anything,
     * and that the text is the one canonical encoding of those bytes (otherwise the unused low bits
     * of the last character would give several texts for one token).
     */
    static byte[] decode(String text) throws InvalidTokenException {
        if (text == null || text.isEmpty()) {
            throw malformed("token is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw malformed("token is " + text.length() + " characters, at most " + MAX_CHARS);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                throw malformed("token has a character outside the base64url alphabet at index " + i);
            }
        }
        if (text.length() % 4 == 1) {
            throw malformed("token length " + text.length() + " is not a base64url length");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // Not reached given the checks above; kept so no decoder quirk escapes as a 500.
            throw malformed("token is not base64url");
        }
        if (!ENCODER.encodeToString(raw).equals(text)) {
            throw malformed("token is not canonical base64url");
        }
        return raw;
    }

    /**
     * Reads the unauthenticated header (version, key id): just enough to choose the key.
     *
     * @return the offset just past the key id
     */
    static int headerEnd(byte[] raw) throws InvalidTokenException {
        if (raw.length < 2) {
            throw malformed("token is too short: " + raw.length + " bytes");
        }
        int version = raw[0] & 0xFF;
        if (version != VERSION) {
            throw new InvalidTokenException(Reason.UNSUPPORTED_VERSION, "token version " + version + " is not supported");
        }
        int keyIdLength = raw[1] & 0xFF;
        if (keyIdLength == 0 || keyIdLength > MAX_KEY_ID_BYTES) {
            throw malformed("token key id length " + keyIdLength + " is out of bounds");
        }
        int end = 2 + keyIdLength;
        if (end + TAG_BYTES > raw.length) {
            throw malformed("token is too short: " + raw.length + " bytes");
        }
        return end;
    }

    /** The key id in a header {@link #headerEnd} accepted; refused unless it is a valid id, so it is safe to log. */
    static String keyId(byte[] raw, int headerEnd) throws InvalidTokenException {
        String keyId = new String(raw, 2, headerEnd - 2, StandardCharsets.ISO_8859_1);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw malformed("token key id has characters outside A-Z a-z 0-9 _ -");
        }
        return keyId;
    }

    /**
     * Reads the signed content between the header and the tag. Runs only on authenticated bytes,
     * so a failure here means a signer bug, not an attack; it is still checked byte for byte.
     */
    static Body body(byte[] raw, int from, int to) throws InvalidTokenException {
        Reader in = new Reader(raw, from, to);
        int purposeCode = in.u8();
        Purpose purpose = Purpose.ofCode(purposeCode);
        if (purpose == null) {
            throw malformed("signed token has unknown purpose code " + purposeCode);
        }
        long issuedAt = in.u32();
        long ttl = in.u32();
        int kind = in.u8();
        Scope scope;
        try {
            scope = switch (kind) {
                case SCOPE_BUILD -> new BuildScope(in.field());
                case SCOPE_APP_CHANNEL -> new AppScope(in.field(), in.field());
                case SCOPE_APP -> AppScope.allChannels(in.field());
                default -> throw malformed("signed token has unknown scope kind " + kind);
            };
        } catch (IllegalArgumentException e) {
            throw malformed("signed token has an invalid scope: " + e.getMessage());
        }
        if (in.position != to) {
            throw malformed("signed token has " + (to - in.position) + " bytes after its scope");
        }
        return new Body(purpose, issuedAt, ttl, scope);
    }

    private static void writeField(ByteArrayOutputStream out, String name, String value) {
        byte[] bytes;
        if (!hasSurrogate(value)) {
            // Without surrogates getBytes is exact, and cheap (an app page signs a token a row).
            bytes = value.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                // A strict encoder: getBytes would turn an unpaired surrogate into '?', and the token
                // would then name a different scope than the one asked for.
                ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(value));
                bytes = Arrays.copyOf(encoded.array(), encoded.limit());
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(name + " is not valid Unicode (unpaired surrogate)");
            }
        }
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new IllegalArgumentException(
                    name + " is " + bytes.length + " bytes in UTF-8, at most " + MAX_FIELD_BYTES + " fit in a token");
        }
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static boolean hasSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void writeUnsignedInt(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
    }

    private static InvalidTokenException malformed(String message) {
        return new InvalidTokenException(Reason.MALFORMED, message);
    }

    /** A bounds-checked cursor over {@code [position, end)}. */
    private static final class Reader {
        private final byte[] data;
        private final int end;
        private int position;

        Reader(byte[] data, int from, int end) {
            this.data = data;
            this.position = from;
            this.end = end;
        }

        int u8() throws InvalidTokenException {
            need(1);
            return data[position++] & 0xFF;
        }

        long u32() throws InvalidTokenException {
            need(4);
            long value = 0;
            for (int i = 0; i < 4; i++) {
                value = value << 8 | (data[position++] & 0xFF);
            }
            return value;
        }

        String field() throws InvalidTokenException {
            int length = u8();
            need(length);
            try {
                String value = StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(data, position, length))
                        .toString();
                position += length;
                return value;
            } catch (CharacterCodingException e) {
                throw malformed("signed token has a scope field that is not UTF-8");
            }
        }

        private void need(int count) throws InvalidTokenException {
            if (end - position < count) {
                throw malformed("signed token ends inside a field");
            }
        }
    }
}

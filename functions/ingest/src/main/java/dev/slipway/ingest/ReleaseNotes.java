package dev.slipway.ingest;

import dev.slipway.catalog.UploadRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release notes from the upload's user metadata. HTTP headers carry only ASCII, so notes come as
 * {@code x-amz-meta-release-notes-b64} (base64 of UTF-8: any text, any line breaks — what
 * {@code slipway publish} sends) or {@code x-amz-meta-release-notes} (plain ASCII, or an RFC 2047
 * encoded word such as {@code =?UTF-8?B?…?=}, which S3 itself uses for non-ASCII metadata).
 */
final class ReleaseNotes {
    static final String BASE64_KEY = "release-notes-b64";
    static final String PLAIN_KEY = "release-notes";
    /** S3 allows 2 KB of user metadata in all, so notes are short; the bound guards decoded sizes. */
    static final int MAX_CHARS = 4000;
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

    private ReleaseNotes() {
    }

    /**
     * @return the notes, or null when the upload has none
     * @throws UploadRejectedException if the metadata is present but cannot be decoded
     */
    static String from(Map<String, String> metadata) throws UploadRejectedException {
        String encoded = metadata.get(BASE64_KEY);
        String notes;
        if (encoded != null) {
            try {
                notes = new String(Base64.getMimeDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new UploadRejectedException("x-amz-meta-" + BASE64_KEY + " is not valid base64");
            }
        } else if (metadata.get(PLAIN_KEY) != null) {
            notes = decodeWords(metadata.get(PLAIN_KEY));
        } else {
            return null;
        }
        notes = notes.replace("\r\n", "\n").strip();
        if (notes.isEmpty()) {
            return null;
        }
        return notes.length() > MAX_CHARS ? notes.substring(0, MAX_CHARS) + "…" : notes;
    }

    private static String decodeWords(String value) throws UploadRejectedException {
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(value, last, m.start());
            if (!m.group(1).equalsIgnoreCase("UTF-8")) {
                throw new UploadRejectedException("x-amz-meta-" + PLAIN_KEY + " uses charset " + m.group(1) + ", not UTF-8");
            }
            try {
                byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                        : quotedPrintable(m.group(3));
                out.append(new String(bytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new UploadRejectedException("x-amz-meta-" + PLAIN_KEY + " has a malformed encoded word");
            }
            last = m.end();
        }
        return out.append(value.substring(last)).toString();
    }

    private static byte[] quotedPrintable(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '=') {
                throw new IllegalArgumentException("truncated escape");
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}

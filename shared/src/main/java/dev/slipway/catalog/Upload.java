package dev.slipway.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Locale;

/**
 * One object that landed under {@code uploads/}, as an S3 event describes it.
 *
 * @param key the decoded object key, e.g. {@code uploads/beta/My App.ipa}
 * @param size the object's size as the event reports it
 * @param eTag the object's ETag, without quotes
 * @param sequencer S3's per-key ordering token: the same event delivered twice carries the same one
 * @param versionId the object version, or null on an unversioned bucket
 * @param eventTime when S3 accepted the upload
 */
public record Upload(String key, long size, String eTag, String sequencer, String versionId, Instant eventTime) {
    /** Builds of uploads at the top of {@code uploads/} go to this channel. */
    public static final String DEFAULT_CHANNEL = Channel.MAIN;

    public Upload {
        // Lambda's event serializer turns an absent versionId (unversioned bucket) into "".
        versionId = versionId == null || versionId.isBlank() ? null : versionId;
    }

    /** True for keys the ingest function handles: {@code uploads/…/*.ipa}. */
    public static boolean isUploadKey(String key) {
        return key.startsWith(Layout.UPLOADS) && key.toLowerCase(Locale.ROOT).endsWith(".ipa")
                && key.length() > Layout.UPLOADS.length() + 4;
    }

    /** The file name, e.g. {@code My App.ipa}. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /**
     * The channel named by the folder under {@code uploads/}, or {@link #DEFAULT_CHANNEL}.
     *
     * @throws UploadRejectedException if the folder is nested or not a valid channel name
     */
    public String channel() throws UploadRejectedException {
        String folder = key.substring(Layout.UPLOADS.length(), key.length() - fileName().length());
        if (folder.isEmpty()) {
            return DEFAULT_CHANNEL;
        }
        String channel = folder.substring(0, folder.length() - 1);
        if (channel.contains("/")) {
            throw new UploadRejectedException("channel folders are one level deep: put the IPA in uploads/<channel>/, not "
                    + Layout.UPLOADS + folder);
        }
        if (!Channel.FORM.matches(channel)) {
            throw new UploadRejectedException("channel \"" + channel + "\" is not a valid channel name (" + Channel.RULE + ")");
        }
        return channel;
    }

    /**
     * The build id this upload becomes: derived from key, ETag and sequencer, so a redelivered event
     * yields the same build while a later upload under the same key yields a new one.
     */
    public String buildId() {
        return id("build");
    }

    /** The id of this upload's failure record, if it is rejected. */
    public String failureId() {
        return id("failure");
    }

    private String id(String kind) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((kind + "\n" + key + "\n" + eTag + "\n" + sequencer + "\n"
                    + (versionId == null ? "" : versionId)).getBytes(StandardCharsets.UTF_8));
            return base32(digest, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Lower-case RFC 4648 base32 without padding: short, URL-safe, unambiguous in print. */
    static String base32(byte[] bytes, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder out = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8 | (b & 0xFF)) & 0xFFFFF;
            bits += 8;
            while (bits >= 5 && out.length() < length) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0 && out.length() < length) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}

package dev.slipway.notify;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.FailureRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A build ready or rejected, as SNS subscribers and webhooks receive it. The JSON body is
 * {@code {type, id, occurredAt, app, build, channel, version, notes, reason, links}}; keys are never
 * renamed, new ones may be added.
 *
 * @param type {@link #READY} or {@link #REJECTED}
 * @param id stable for one upload: the same for a redelivered S3 event, so receivers can de-duplicate
 * @param occurredAt when the ingest decided
 * @param bundleId the app, or null when the upload was rejected before its Info.plist was read
 * @param appName the app's display name, or null
 * @param buildId the build's id, or the failure record's id
 * @param buildNumber {@code CFBundleVersion}, or null
 * @param fileName the uploaded file's name
 * @param channel the channel the upload went to, or null
 * @param version {@code CFBundleShortVersionString}, or null
 * @param notes release notes, or null
 * @param reason why the upload was rejected (one line), or null for a ready build
 * @param link the install page (ready) or the failure page (rejected), with a fresh page token
 */
public record Notice(String type, String id, Instant occurredAt, String bundleId, String appName, String buildId,
                     String buildNumber, String fileName, String channel, String version, String notes, String reason,
                     URI link) {
    public static final String READY = "build.ready";
    public static final String REJECTED = "build.rejected";
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    /** A new build, linked to its install page. */
    public static Notice ready(BuildRecord build, Instant occurredAt, URI pageLink) {
        return new Notice(READY, READY + ":" + build.id(), occurredAt, build.bundleId(), build.name(), build.id(),
                build.build(), build.fileName(), build.channel(), build.version(), build.releaseNotes(), null, pageLink);
    }

    /** A rejected upload, linked to its failure page. */
    public static Notice rejected(FailureRecord failure, String channel, URI failureLink) {
        return new Notice(REJECTED, REJECTED + ":" + failure.id(), failure.failedAt(), null, null, failure.id(), null,
                failure.fileName(), channel, null, null, failure.reason(), failureLink);
    }

    public boolean ready() {
        return READY.equals(type);
    }

    /** The webhook and SNS body. */
    public byte[] toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("id", id);
        json.put("occurredAt", occurredAt.toString());
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("bundleId", bundleId);
        app.put("name", appName);
        json.put("app", app);
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("id", buildId);
        build.put("number", buildNumber);
        build.put("fileName", fileName);
        json.put("build", build);
        json.put("channel", channel);
        json.put("version", version);
        json.put("notes", notes);
        json.put("reason", reason);
        json.put("links", Map.of(ready() ? "page" : "failure", link.toString()));
        try {
            return WRITER.asBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a map of plain values always serialises", e);
        }
    }

    /**
     * Reads a body written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    @SuppressWarnings("unchecked")
    public static Notice parse(byte[] body) {
        Map<String, Object> json;
        try {
            json = JSON.std.mapFrom(body);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("notice is not a JSON object");
        }
        Map<String, Object> app = json.get("app") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> build = json.get("build") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> links = json.get("links") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String type = required(json, "type");
        if (!READY.equals(type) && !REJECTED.equals(type)) {
            throw new IllegalArgumentException("notice type \"" + type + "\" is neither " + READY + " nor " + REJECTED);
        }
        String link = required(links, READY.equals(type) ? "page" : "failure");
        try {
            return new Notice(type, required(json, "id"), Instant.parse(required(json, "occurredAt")), text(app, "bundleId"),
                    text(app, "name"), required(build, "id"), text(build, "number"), text(build, "fileName"),
                    text(json, "channel"), text(json, "version"), text(json, "notes"), text(json, "reason"), URI.create(link));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("notice has a malformed occurredAt or link");
        }
    }

    /** One line for a mail subject or a chat message's first line. */
    public String headline() {
        if (ready()) {
            return appName + " " + version + " (" + buildNumber + ") is ready" + (channel == null ? "" : " on " + channel);
        }
        return fileName + " was rejected";
    }

    /** A plain-text message for people (SNS e-mail): headline, reason or notes, and the link. */
    public String text() {
        StringBuilder out = new StringBuilder(headline()).append("\n\n");
        if (ready()) {
            if (notes != null) {
                out.append(notes).append("\n\n");
            }
            out.append("Install page: ").append(link).append('\n');
        } else {
            out.append(reason).append("\n\nFailure page: ").append(link).append('\n');
        }
        return out.toString();
    }

    private static String required(Map<String, Object> map, String key) {
        String value = text(map, key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("notice has no " + key);
        }
        return value;
    }

    private static String text(Map<String, Object> map, String key) {
        return map.get(key) instanceof String s ? s : null;
    }
}

package dev.slipway.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rejected upload ({@code failed/{id}.json}): the one-line reason a person can act on, and what was uploaded. */
public record FailureRecord(String id, String uploadKey, String fileName, long size, String eTag, Instant uploadedAt,
                            Instant failedAt, String reason) {

    public static FailureRecord of(Upload upload, String reason, Instant failedAt) {
        return new FailureRecord(upload.failureId(), upload.key(), upload.fileName(), upload.size(), upload.eTag(),
                upload.eventTime(), failedAt, reason);
    }

    public byte[] toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("uploadKey", uploadKey);
        json.put("fileName", fileName);
        json.put("size", size);
        json.put("eTag", eTag);
        json.put("uploadedAt", Json.iso(uploadedAt));
        json.put("failedAt", Json.iso(failedAt));
        json.put("reason", reason);
        return Json.write(json);
    }

    /**
     * @throws CatalogException if the bytes are not a failure record
     */
    public static FailureRecord parse(byte[] bytes) throws CatalogException {
        Map<String, Object> json = Json.read(bytes, "failure record");
        return new FailureRecord(Json.string(json, "id"), Json.string(json, "uploadKey"), Json.string(json, "fileName"),
                Json.number(json, "size"), Json.string(json, "eTag"), Json.instant(json, "uploadedAt"),
                Json.instant(json, "failedAt"), Json.string(json, "reason"));
    }
}

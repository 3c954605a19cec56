package dev.slipway.catalog;

import dev.slipway.wire.JsonMaps;
import java.time.Instant;

/** A rejected upload ({@code failed/{id}.json}): the one-line reason a person can act on, and what was uploaded. */
public record FailureRecord(String id, String uploadKey, String fileName, long size, String eTag, Instant uploadedAt,
                            Instant failedAt, String reason) {

    public static FailureRecord of(Upload upload, String reason, Instant failedAt) {
        return new FailureRecord(upload.failureId(), upload.key(), upload.fileName(), upload.size(), upload.eTag(),
                upload.eventTime(), failedAt, reason);
    }

    public byte[] toJson() {
        return JsonMaps.write(JsonMaps.of("id", id, "uploadKey", uploadKey, "fileName", fileName, "size", size,
                "eTag", eTag, "uploadedAt", JsonMaps.iso(uploadedAt), "failedAt", JsonMaps.iso(failedAt), "reason", reason));
    }

    /**
     * @throws CatalogException if the bytes are not a failure record
     */
    public static FailureRecord parse(byte[] bytes) throws CatalogException {
        Json.Fields json = Json.read(bytes, "failure record");
        return new FailureRecord(json.string("id"), json.string("uploadKey"), json.string("fileName"), json.number("size"),
                json.string("eTag"), json.instant("uploadedAt"), json.instant("failedAt"), json.string("reason"));
    }
}

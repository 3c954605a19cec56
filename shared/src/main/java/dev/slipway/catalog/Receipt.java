package dev.slipway.catalog;

import dev.slipway.wire.JsonMaps;
import java.time.Instant;

/**
 * The outcome of one upload ({@code receipts/…}), so an uploader who knows the key and the version
 * id (or ETag) S3 gave its upload can wait for that upload's result ({@code slipway publish} does),
 * however many uploads to the same key run at once.
 *
 * @param versionId the uploaded object version, or null on an unversioned bucket
 * @param outcome {@code built} or {@code failed}
 * @param id the build id, or the failure record's id
 * @param reason why it failed, or null
 */
public record Receipt(String uploadKey, String eTag, String versionId, String outcome, String id, String reason,
                      Instant at) {
    public static final String BUILT = "built";
    public static final String FAILED = "failed";

    /** Where this receipt is stored. */
    public String key() {
        return Layout.receipt(uploadKey, versionId, eTag);
    }

    public boolean built() {
        return BUILT.equals(outcome);
    }

    public byte[] toJson() {
        return JsonMaps.write(JsonMaps.of("uploadKey", uploadKey, "eTag", eTag, "versionId", versionId, "outcome", outcome,
                "id", id, "reason", reason, "at", JsonMaps.iso(at)));
    }

    /**
     * @throws CatalogException if the bytes are not a receipt
     */
    public static Receipt parse(byte[] bytes) throws CatalogException {
        Json.Fields json = Json.read(bytes, "receipt");
        return new Receipt(json.string("uploadKey"), json.string("eTag"), json.string("versionId"), json.string("outcome"),
                json.string("id"), json.string("reason"), json.instant("at"));
    }
}

package dev.slipway.catalog;

import java.time.Instant;

/**
 * The outcome of the latest upload under a key ({@code receipts/…}), so an uploader who knows the
 * key and the ETag S3 gave it can wait for its result ({@code slipway publish} does).
 *
 * @param outcome {@code built} or {@code failed}
 * @param id the build id, or the failure record's id
 * @param reason why it failed, or null
 */
public record Receipt(String uploadKey, String eTag, String outcome, String id, String reason, Instant at) {
    public static final String BUILT = "built";
    public static final String FAILED = "failed";

    public boolean built() {
        return BUILT.equals(outcome);
    }

    public byte[] toJson() {
        return Json.write(Json.map("uploadKey", uploadKey, "eTag", eTag, "outcome", outcome, "id", id,
                "reason", reason, "at", Json.iso(at)));
    }

    /**
     * @throws CatalogException if the bytes are not a receipt
     */
    public static Receipt parse(byte[] bytes) throws CatalogException {
        Json.Fields json = Json.read(bytes, "receipt");
        return new Receipt(json.string("uploadKey"), json.string("eTag"), json.string("outcome"), json.string("id"),
                json.string("reason"), json.instant("at"));
    }
}

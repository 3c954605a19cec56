package dev.slipway.install.page;

import java.time.Instant;
import java.util.Objects;

/**
 * The page of an upload that was rejected: which file, when, and the reason in words a person can
 * act on (the ingest side writes it, e.g. "no embedded.mobileprovision: the app is not signed for
 * any device").
 *
 * @param fileName the uploaded file's name, e.g. {@code MyApp.ipa}
 * @param reason why it was rejected
 * @param uploadedAt when it arrived
 */
public record FailurePage(String fileName, String reason, Instant uploadedAt) {
    /** @throws NullPointerException if a field is null */
    public FailurePage {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }
}

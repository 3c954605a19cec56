package dev.slipway.ipa.zip;

/**
 * What reading an archive cost at its origin: bytes fetched and read calls (one call is one
 * ranged GET when the origin is S3).
 */
public record ReadStats(long bytesRead, long readCalls) {
}

package dev.slipway.storage;

import java.util.List;

/**
 * One page of a bucket listing, in key order.
 *
 * @param keys the objects' keys
 * @param commonPrefixes with a delimiter, the prefixes that group further keys (each ends with it)
 * @param truncated whether more keys follow
 * @param nextContinuationToken where the next page starts, or null
 */
public record Listing(List<String> keys, List<String> commonPrefixes, boolean truncated, String nextContinuationToken) {
    public Listing {
        keys = List.copyOf(keys);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}

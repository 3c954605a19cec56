package dev.slipway.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an app page lists ({@link S3Catalog#appBuilds}), withdrawn builds left out.
 *
 * @param latestPerChannel each channel's newest build, in channel order
 * @param newest the newest builds of all those channels together, newest first
 */
public record AppBuilds(Map<String, IndexEntry> latestPerChannel, List<IndexEntry> newest) {
    public AppBuilds {
        latestPerChannel = Collections.unmodifiableMap(new LinkedHashMap<>(latestPerChannel));
        newest = List.copyOf(newest);
    }
}

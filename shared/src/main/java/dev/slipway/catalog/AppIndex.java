package dev.slipway.catalog;

import dev.slipway.wire.JsonMaps;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An app's index document ({@link Layout#appIndex}): per channel, the keys of its newest
 * {@link #DEPTH} index entries, newest first, withdrawn builds left out: what an app page lists, in
 * one bounded GET instead of a listing that grows with the history. It is derived from the
 * per-build index entries and withdrawn markers, which stay the truth: every writer rebuilds it from
 * a listing made after its own write and replaces it only over the version it read
 * ({@link S3Catalog#refreshAppIndex}), so no build is lost when two are ingested at once. An app with
 * more than {@link #MAX_KEYS} keys to hold gets a document that says so, and is listed instead.
 */
final class AppIndex {
    /** Entries kept per channel: the most any page or check asks for. */
    static final int DEPTH = 50;
    /** Keys held in all (each at most 1,024 bytes), so the document stays about 1 MB at most. */
    static final int MAX_KEYS = 1000;
    private static final int FORMAT = 1;

    /** Each channel's keys, newest first; null if there were too many to hold. */
    private final Map<String, List<String>> channels;

    private AppIndex(Map<String, List<String>> channels) {
        this.channels = channels;
    }

    /** The document for these channels' keys (newest first, withdrawn left out), each cut to {@link #DEPTH}. */
    static AppIndex of(Map<String, List<String>> keys) {
        Map<String, List<String>> kept = new TreeMap<>();
        int count = 0;
        for (Map.Entry<String, List<String>> channel : keys.entrySet()) {
            List<String> newest = List.copyOf(channel.getValue().subList(0, Math.min(DEPTH, channel.getValue().size())));
            kept.put(channel.getKey(), newest);
            count += newest.size();
        }
        return new AppIndex(count > MAX_KEYS ? null : kept);
    }

    /** Whether the document holds the app's channels (it does unless there were too many keys). */
    boolean complete() {
        return channels != null;
    }

    /**
     * The keys per channel, as {@link S3Catalog}'s listing gives them: only {@code channel} (present,
     * if maybe empty) unless it is null. Read-only.
     */
    Map<String, List<String>> keys(String channel) {
        return channel == null ? Collections.unmodifiableMap(channels)
                : Map.of(channel, channels.getOrDefault(channel, List.of()));
    }

    byte[] toJson() {
        Map<String, Object> document = new LinkedHashMap<>(JsonMaps.of("format", FORMAT, "depth", DEPTH));
        if (channels == null) {
            document.put("complete", false);
        } else {
            document.put("channels", new LinkedHashMap<>(channels));
        }
        return JsonMaps.write(document);
    }

    /**
     * The document as stored, or empty if it is not one this code wrote for this app (another
     * format or depth, or keys outside the app's channels): the caller lists instead.
     */
    static Optional<AppIndex> parse(String bundleId, byte[] bytes) {
        try {
            Json.Fields json = Json.read(bytes, "app index");
            if (json.number("format") != FORMAT || json.number("depth") != DEPTH) {
                return Optional.empty();
            }
            Json.Fields listed = json.object("channels");
            if (listed == null) {
                return json.bool("complete") ? Optional.empty() : Optional.of(new AppIndex(null));
            }
            Map<String, List<String>> channels = new TreeMap<>();
            for (String channel : listed.others(Set.of()).keySet()) {
                List<String> keys = listed.strings(channel);
                String prefix = Layout.channel(bundleId, channel);
                if (keys.size() > DEPTH || !keys.stream().allMatch(key -> key.startsWith(prefix))) {
                    return Optional.empty();
                }
                channels.put(channel, keys);
            }
            return Optional.of(new AppIndex(channels));
        } catch (CatalogException e) {
            return Optional.empty();
        }
    }
}

package dev.slipway.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import dev.slipway.storage.Listing;
import dev.slipway.storage.ObjectStore;

/**
 * The catalog as stored in the bucket ({@link Layout}): records, index, failures and receipts.
 * Faults of S3 itself surface as the store's unchecked exceptions, for the caller to retry or report.
 */
public final class S3Catalog {
    private static final String JSON_TYPE = "application/json";
    private static final int MAX_LIST = 1000;

    /** How often {@link #refreshAppIndex} reads, lists and writes before it gives up. */
    static final int REFRESH_ATTEMPTS = 8;
    /** Index entries decoded from their keys, kept (at most this many) since a key's entry never changes. */
    private static final int DESCRIBED = 2048;
    /** Apps whose index document is kept as parsed, for conditional reads. */
    private static final int INDEXES = 32;

    private final ObjectStore store;
    private final Map<String, IndexEntry> described = lru(DESCRIBED);

    private final Map<String, ReadIndex> indexes = lru(INDEXES);

    /** A map that forgets its least recently used entry past {@code max}; callers synchronise on it. */
    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    public S3Catalog(ObjectStore store) {
        this.store = store;
    }

    public String bucket() {
        return store.bucket();
    }

    /**
     * @throws CatalogException if the stored record is unreadable
     */
    public Optional<BuildRecord> build(String id) throws CatalogException {
        Optional<byte[]> bytes = get(Layout.record(id));
        return bytes.isEmpty() ? Optional.empty() : Optional.of(BuildRecord.parse(bytes.get()));
    }

    /**
     * @throws CatalogException if the stored record is unreadable
     */
    public Optional<FailureRecord> failure(String id) throws CatalogException {
        Optional<byte[]> bytes = get(Layout.failure(id));
        return bytes.isEmpty() ? Optional.empty() : Optional.of(FailureRecord.parse(bytes.get()));
    }

    /**
     * The receipt of one upload: the object version S3 gave it, or on an unversioned bucket its ETag.
     *
     * @param versionId the upload's version id, or null
     * @throws CatalogException if the stored receipt is unreadable
     */
    public Optional<Receipt> receipt(String uploadKey, String versionId, String eTag) throws CatalogException {
        Optional<byte[]> bytes = get(Layout.receipt(uploadKey, versionId, eTag));
        return bytes.isEmpty() ? Optional.empty() : Optional.of(Receipt.parse(bytes.get()));
    }

    /**
     * The newest receipt of any upload under the key (the first 1,000 receipts looked at).
     *
     * @throws CatalogException if a stored receipt is unreadable
     */
    public Optional<Receipt> receipt(String uploadKey) throws CatalogException {
        Receipt newest = null;
        for (String key : store.list(Layout.receipts(uploadKey), null, MAX_LIST, null).keys()) {
            Optional<byte[]> bytes = get(key);
            if (bytes.isPresent()) {
                Receipt receipt = Receipt.parse(bytes.get());
                if (newest == null || receipt.at().isAfter(newest.at())) {
                    newest = receipt;
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The app's channels, in key order. */
    public List<String> channels(String bundleId) {
        List<String> channels = new ArrayList<>();
        String prefix = Layout.channels(bundleId);
        Listing page = store.list(prefix, "/", MAX_LIST, null);
        for (String common : page.commonPrefixes()) {
            String channel = common.substring(prefix.length());
            channels.add(channel.substring(0, channel.length() - 1));
        }
        return channels;
    }

    /**
     * Whether the build was withdrawn ({@code slipway withdraw}): then no link installs it and no
     * app page or update check lists it, though it stays in the bucket.
     */
    public boolean withdrawn(String bundleId, String buildId) {
        return get(Layout.withdrawn(bundleId, buildId)).isPresent();
    }

    /** Withdraws a build: its record, IPA and index entry stay, a marker hides it (and the app's index document). */
    public void withdraw(String bundleId, String buildId) {
        put(Layout.withdrawn(bundleId, buildId), new byte[0], "application/octet-stream");
        refreshAppIndex(bundleId);
    }

    /** Undoes {@link #withdraw}; a build that was not withdrawn is left as it is. */
    public void restore(String bundleId, String buildId) {
        store.delete(Layout.withdrawn(bundleId, buildId));
        refreshAppIndex(bundleId);
    }

    /**
     * Rewrites the app's index document ({@link AppIndex}) from a listing of its index entries and
     * withdrawn markers: called after every write that changes what the app lists. The listing is
     * made after the caller's own write and after reading the document it replaces, and the new
     * document is stored only over that version (S3 conditional writes), else read, listed and tried
     * again: so whichever writer stores last has listed every entry written before its read, and two
     * builds ingested at once both end up in it.
     *
     * @throws ConcurrentModificationException if other writers kept replacing it ({@link #REFRESH_ATTEMPTS}
     *     tries): a transient fault, for the caller to retry
     */
    public void refreshAppIndex(String bundleId) {
        String key = Layout.appIndex(bundleId);
        for (int attempt = 1; attempt <= REFRESH_ATTEMPTS; attempt++) {
            Optional<ObjectStore.Tagged> current = store.getTagged(key);
            byte[] document = AppIndex.of(listedKeys(bundleId, null, AppIndex.DEPTH)).toJson();
            if (current.isPresent() && Arrays.equals(current.get().bytes(), document)
                    || store.putIfUnchanged(key, document, JSON_TYPE, "no-store", current.map(ObjectStore.Tagged::eTag).orElse(null))) {
                return;
            }
            try {
                // Jittered, growing: writers that collided do not collide again in step.
                Thread.sleep(ThreadLocalRandom.current().nextLong(10L << Math.min(attempt, 6)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ConcurrentModificationException("the index document of " + bundleId
                + " was replaced by other writers " + REFRESH_ATTEMPTS + " times while this one rewrote it; try again");
    }

    /**
     * What an app page lists ({@link #appBuilds}), withdrawn builds left out.
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

    /**
     * What an app page shows of an app's channels (only {@code channel} unless it is null): their
     * newest {@code limit} builds together, and each channel's newest; withdrawn builds left out. One
     * GET whatever the history's length: the app's index document ({@link AppIndex}), which holds
     * the keys of each channel's newest entries, and each key carries what the page shows
     * ({@link IndexEntry#key()}: channel, id, time); an entry is decoded only if the page shows it.
     * Without a document (an app last written before there were any, or one with too many channels)
     * it is one listing, as the document is made: the app's entries and withdrawn markers sit under
     * one prefix; over 1,000 of them cost a listing per channel and one of the markers. Entries
     * stored before keys carried their summary cost a GET each.
     *
     * @throws CatalogException if an entry is unreadable
     */
    public AppBuilds appBuilds(String bundleId, String channel, int limit) throws CatalogException {
        Map<String, List<String>> keys = appKeys(bundleId, channel, limit);
        // Newest first across channels, by the name after each key's channel (cut out once per key,
        // not per comparison: an app page sorts a hundred); a stable sort keeps ties in channel order.
        int order = Layout.channels(bundleId).length();
        List<NamedKey> candidates = new ArrayList<>();
        for (List<String> channelKeys : keys.values()) {
            for (String key : channelKeys) {
                candidates.add(new NamedKey(key.substring(key.indexOf('/', order) + 1), key));
            }
        }
        candidates.sort(Comparator.comparing(NamedKey::name));
        Map<String, Optional<IndexEntry>> decoded = new HashMap<>();
        List<IndexEntry> newest = new ArrayList<>();
        for (NamedKey candidate : candidates.subList(0, Math.min(limit, candidates.size()))) {
            String key = candidate.key();
            Optional<IndexEntry> entry = entry(key);
            decoded.put(key, entry);
            entry.ifPresent(newest::add);
        }
        newest.sort(Comparator.comparing(IndexEntry::uploadedAt).reversed());
        Map<String, IndexEntry> latest = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> channelKeys : keys.entrySet()) {
            for (String key : channelKeys.getValue()) {
                Optional<IndexEntry> entry = decoded.containsKey(key) ? decoded.get(key) : entry(key);
                if (entry.isPresent()) {
                    latest.put(channelKeys.getKey(), entry.get());
                    break;
                }
            }
        }
        return new AppBuilds(latest, newest);
    }

    /** An index entry's key, and its name: what follows its channel. */
    private record NamedKey(String name, String key) {
    }

    /**
     * The keys of the app's index entries per channel (appBuilds' channels), in key order (newest
     * first), withdrawn builds left out; at least the newest {@code limit} of each channel. From the
     * app's index document when it holds that many, else listed.
     */
    private Map<String, List<String>> appKeys(String bundleId, String channel, int limit) {
        if (limit <= AppIndex.DEPTH) {
            Optional<AppIndex> index = appIndex(bundleId);
            if (index.isPresent() && index.get().complete()) {
                return index.get().keys(channel);
            }
        }
        return listedKeys(bundleId, channel, limit);
    }

    /**
     * The app's index document, or empty if there is none (or none this code reads). A document
     * read before is asked for again conditionally, and kept as parsed while S3 answers that it
     * has not changed.
     */
    private Optional<AppIndex> appIndex(String bundleId) {
        ReadIndex last;
        synchronized (indexes) {
            last = indexes.get(bundleId);
        }
        Optional<ObjectStore.Tagged> read = store.getTagged(Layout.appIndex(bundleId), last == null ? null : last.read());
        if (last != null && read.isPresent() && read.get() == last.read()) {
            return last.index();
        }
        Optional<AppIndex> index = read.flatMap(document -> AppIndex.parse(bundleId, document.bytes()));
        synchronized (indexes) {
            if (read.isEmpty() || read.get().eTag() == null) {
                indexes.remove(bundleId);
            } else {
                // Only the ETag is kept of the bytes: a 304 answers with it.
                indexes.put(bundleId, new ReadIndex(new ObjectStore.Tagged(new byte[0], read.get().eTag()), index));
            }
        }
        return index;
    }

    /** An index document as read: its ETag, and what it held. */
    private record ReadIndex(ObjectStore.Tagged read, Optional<AppIndex> index) {
    }

    /** {@link #appKeys} from a listing: withdrawn builds left out by the id their key names. */
    private Map<String, List<String>> listedKeys(String bundleId, String channel, int limit) {
        String channels = Layout.channels(bundleId);
        String withdrawnPrefix = Layout.withdrawn(bundleId);
        // One listing holds both the index entries and the withdrawn markers (Layout.withdrawn)...
        Listing page = store.list(Layout.APPS + bundleId + "/", null, MAX_LIST, null);
        List<String> listed = page.keys();
        if (page.truncated()) {
            // ...unless the app holds more: then the markers, and each channel's newest.
            listed = new ArrayList<>(store.listAll(withdrawnPrefix, MAX_LIST));
            int withdrawnCount = listed.size();
            for (String c : channel != null ? List.of(channel) : channels(bundleId)) {
                listed.addAll(store.list(Layout.channel(bundleId, c), null, Math.min(limit + withdrawnCount, MAX_LIST),
                        null).keys());
            }
        }
        Set<String> withdrawn = new HashSet<>();
        for (String key : listed) {
            if (key.startsWith(withdrawnPrefix)) {
                withdrawn.add(key.substring(withdrawnPrefix.length()));
            }
        }
        Map<String, List<String>> keys = new TreeMap<>();
        if (channel != null) {
            keys.put(channel, new ArrayList<>());
        }
        for (String key : listed) {
            if (!key.startsWith(channels)) {
                continue;
            }
            String rest = key.substring(channels.length());
            int slash = rest.indexOf('/');
            String c = slash > 0 ? rest.substring(0, slash) : null;
            if (c == null || (channel != null && !channel.equals(c))) {
                continue;
            }
            List<String> kept = keys.computeIfAbsent(c, k -> new ArrayList<>());
            if (!withdrawn.contains(indexedId(key, channels))) {
                kept.add(key);
            }
        }
        return keys;
    }

    /**
     * The build id an index entry's key names ({@link Layout#indexEntry}, summary or not):
     * {@code {channels}{channel}/{19 digits}-{id}.…}.
     */
    private static String indexedId(String key, String channels) {
        int name = key.indexOf('/', channels.length()) + 1;
        int id = name + 20;
        int dot = key.indexOf('.', id);
        return id < key.length() && dot > id ? key.substring(id, dot) : "";
    }

    /**
     * The entry its key describes, or (stored before keys carried it) the object's body. A key's
     * entry never changes (the key is made from it), so decoded ones are kept.
     */
    private Optional<IndexEntry> entry(String key) throws CatalogException {
        IndexEntry known;
        synchronized (described) {
            known = described.get(key);
        }
        if (known != null) {
            return Optional.of(known);
        }
        Optional<IndexEntry> decoded = IndexEntry.fromKey(key);
        if (decoded.isPresent()) {
            synchronized (described) {
                described.put(key, decoded.get());
            }
            return decoded;
        }
        Optional<byte[]> bytes = get(key);
        return bytes.isEmpty() ? Optional.empty() : Optional.of(IndexEntry.parse(bytes.get()));
    }

    public void putRecord(BuildRecord record) {
        put(Layout.record(record.id()), record.toJson(), JSON_TYPE);
    }

    public void putIndexEntry(IndexEntry entry) {
        put(entry.key(), entry.toJson(), JSON_TYPE);
    }

    public void putFailure(FailureRecord failure) {
        put(Layout.failure(failure.id()), failure.toJson(), JSON_TYPE);
    }

    public void putReceipt(Receipt receipt) {
        put(receipt.key(), receipt.toJson(), JSON_TYPE);
    }

    /** Stores an object the catalog owns (manifest, icon): never under {@code uploads/}. */
    public void put(String key, byte[] bytes, String contentType) {
        if (key.startsWith(Layout.UPLOADS)) {
            throw new IllegalArgumentException("the catalog never writes under uploads/: " + key);
        }
        store.put(key, bytes, contentType,
                key.startsWith(Layout.ICONS) ? "public, max-age=31536000, immutable" : "no-store");
    }

    /** An object's bytes, or empty if there is no such key. */
    public Optional<byte[]> get(String key) {
        return store.get(key);
    }
}

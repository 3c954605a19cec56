package dev.slipway.local;

import dev.slipway.storage.Listing;
import dev.slipway.storage.ObjectStore;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The install function's reads on the local stack, kept until the stack's own S3 reports a change:
 * every write and delete reaches S3Proxy's store in this process ({@link NotifyingBlobStore}), which
 * drops the objects and listings it touches before its answer leaves, so a revocation, a withdrawal
 * or a new build shows on the very next page, as without the cache. In AWS there is no such signal,
 * and the function reads S3 each time (revocations cached briefly, see {@code S3Revocations}).
 *
 * <p>Objects and listings are kept in one LRU bounded by {@link #MAX_BYTES}; a read that began
 * before a change is not kept (a generation count), so it cannot put back what the change dropped.
 * Files changed in the data folder behind S3's back are not seen until the stack restarts.
 */
final class ReadCache implements NotifyingBlobStore.Changes {
    /** What the cache holds at most, in bytes of objects and (estimated) listings. */
    static final long MAX_BYTES = 32L << 20;
    /** Objects larger than this are read through, never kept. */
    private static final int MAX_OBJECT = 1 << 20;

    /** An object's read (by key) or a listing's page (by prefix), with what it costs to keep. */
    private record Entry(String key, boolean listing, Object value, long bytes) {
        boolean touchedBy(String changedKey) {
            return changedKey == null || (listing ? changedKey.startsWith(key) : changedKey.equals(key));
        }
    }

    private final String bucket;
    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long generation;
    private long bytes;

    /** @param bucket the one bucket whose changes count */
    ReadCache(String bucket) {
        this.bucket = bucket;
    }

    /** A view of the store whose reads come from this cache; writes go straight to the store. */
    ObjectStore over(ObjectStore store) {
        return new ObjectStore() {
            @Override
            public String bucket() {
                return store.bucket();
            }

            @Override
            public Optional<byte[]> get(String key) {
                return copy(read("get\0" + key, key, false, () -> store.get(key)));
            }

            @Override
            public Optional<byte[]> getFirst(String key, int maxBytes) {
                return copy(read("first\0" + maxBytes + "\0" + key, key, false, () -> store.getFirst(key, maxBytes)));
            }

            @Override
            public Listing list(String prefix, String delimiter, int maxKeys, String continuationToken) {
                return read("list\0" + delimiter + "\0" + maxKeys + "\0" + continuationToken + "\0" + prefix, prefix, true,
                        () -> store.list(prefix, delimiter, maxKeys, continuationToken));
            }

            @Override
            public void put(String key, byte[] bytes, String contentType, String cacheControl) {
                store.put(key, bytes, contentType, cacheControl);
            }

            @Override
            public Optional<Tagged> getTagged(String key, Tagged known) {
                // A conditional read (an app page's index document): the cache says whether it changed.
                Optional<Tagged> read = read("tagged\0" + key, key, false, () -> store.getTagged(key, null));
                if (known != null && read.isPresent() && known.eTag() != null && known.eTag().equals(read.get().eTag())) {
                    return Optional.of(known);
                }
                return read.map(tagged -> new Tagged(tagged.bytes().clone(), tagged.eTag()));
            }

            @Override
            public boolean putIfUnchanged(String key, byte[] bytes, String contentType, String cacheControl, String eTag) {
                return store.putIfUnchanged(key, bytes, contentType, cacheControl, eTag);
            }

            @Override
            public void delete(String key) {
                store.delete(key);
            }
        };
    }

    @Override
    public void changed(String bucket, String key) {
        if (bucket != null && !bucket.equals(this.bucket)) {
            return;
        }
        synchronized (entries) {
            generation++;
            for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (entry.touchedBy(key)) {
                    bytes -= entry.bytes();
                    it.remove();
                }
            }
        }
    }

    /** How many bytes the cache holds now. */
    long size() {
        synchronized (entries) {
            return bytes;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T read(String cacheKey, String key, boolean listing, Supplier<T> load) {
        long seen;
        synchronized (entries) {
            Entry entry = entries.get(cacheKey);
            if (entry != null) {
                return (T) entry.value();
            }
            seen = generation;
        }
        T value = load.get();
        long cost = cacheKey.length() * 2L + cost(value);
        if (cost <= MAX_OBJECT) {
            synchronized (entries) {
                if (generation == seen) {
                    Entry previous = entries.put(cacheKey, new Entry(key, listing, value, cost));
                    bytes += cost - (previous == null ? 0 : previous.bytes());
                    evict();
                }
            }
        }
        return value;
    }

    private void evict() {
        for (Iterator<Entry> it = entries.values().iterator(); bytes > MAX_BYTES && it.hasNext(); ) {
            bytes -= it.next().bytes();
            it.remove();
        }
    }

    private static long cost(Object value) {
        if (value instanceof Optional<?> object) {
            return 64 + object.map(read -> read instanceof ObjectStore.Tagged tagged ? tagged.bytes().length + 64
                    : ((byte[]) read).length).orElse(0);
        }
        Listing listing = (Listing) value;
        long cost = 64;
        for (String key : listing.keys()) {
            cost += 48 + key.length() * 2L;
        }
        for (String prefix : listing.commonPrefixes()) {
            cost += 48 + prefix.length() * 2L;
        }
        return cost;
    }

    /** Callers own what they are handed: a copy, so none of them can change what the next one reads. */
    private static Optional<byte[]> copy(Optional<byte[]> bytes) {
        return bytes.map(byte[]::clone);
    }
}

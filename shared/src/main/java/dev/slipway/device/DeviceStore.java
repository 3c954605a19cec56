package dev.slipway.device;

import dev.slipway.storage.ObjectStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Enrolled devices in the bucket, one object each: {@code devices/{id}.json}, {@code id} being
 * {@link Device#idOf} of the UDID. The enrol function may write only under this prefix.
 */
public final class DeviceStore {
    public static final String PREFIX = "devices/";
    /** A record is a few hundred bytes; anything far larger under the prefix was not written by Slipway. */
    private static final int MAX_RECORD_BYTES = 64 * 1024;
    private static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX) + "[0-9a-f]{32}\\.json");

    private final ObjectStore store;

    public DeviceStore(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public static String key(String deviceId) {
        return PREFIX + deviceId + ".json";
    }

    /**
     * @param deviceId a device id (from a verified device token or {@link Device#id()})
     * @return the device, or empty if none is stored under that id
     * @throws DeviceStoreException if the stored record is unreadable
     */
    public Optional<Device> find(String deviceId) throws DeviceStoreException {
        String key = key(deviceId);
        // A ranged read: a record too large is cut short and then fails to parse, never fills memory.
        Optional<byte[]> bytes = store.getFirst(key, MAX_RECORD_BYTES);
        return bytes.isEmpty() ? Optional.empty() : Optional.of(Device.parse(bytes.get(), key));
    }

    /** Stores (or replaces) a device's record. */
    public void put(Device device) {
        store.put(key(device.id()), device.toJson(), "application/json", "no-store");
    }

    /**
     * Every enrolled device, most recently seen first.
     *
     * @throws DeviceStoreException if a record is unreadable
     */
    public List<Device> list() throws DeviceStoreException {
        List<Device> devices = new ArrayList<>();
        for (String key : store.listAll(PREFIX, 0)) {
            if (KEY.matcher(key).matches()) {
                find(key.substring(PREFIX.length(), key.length() - ".json".length()))
                        .ifPresent(devices::add);
            }
        }
        devices.sort(Comparator.comparing(Device::lastSeen).reversed());
        return devices;
    }
}

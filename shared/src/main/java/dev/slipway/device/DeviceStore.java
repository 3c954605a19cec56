package dev.slipway.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Enrolled devices in the bucket, one object each: {@code devices/{id}.json}, {@code id} being
 * {@link Device#idOf} of the UDID. The enrol function may write only under this prefix.
 */
public final class DeviceStore {
    public static final String PREFIX = "devices/";
    /** A record is a few hundred bytes; anything far larger under the prefix was not written by Slipway. */
    private static final long MAX_RECORD_BYTES = 64 * 1024;
    private static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX) + "[0-9a-f]{32}\\.json");

    private final S3Client s3;
    private final String bucket;

    public DeviceStore(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
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
        try {
            // A ranged read: a record too large is cut short and then fails to parse, never fills memory.
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)
                    .range("bytes=0-" + (MAX_RECORD_BYTES - 1)));
            return Optional.of(Device.parse(bytes.asByteArrayUnsafe(), key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Stores (or replaces) a device's record. */
    public void put(Device device) {
        s3.putObject(b -> b.bucket(bucket).key(key(device.id())).contentType("application/json").cacheControl("no-store"),
                RequestBody.fromBytes(device.toJson()));
    }

    /**
     * Every enrolled device, most recently seen first.
     *
     * @throws DeviceStoreException if a record is unreadable
     */
    public List<Device> list() throws DeviceStoreException {
        List<Device> devices = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX)).contents()) {
            if (KEY.matcher(object.key()).matches()) {
                find(object.key().substring(PREFIX.length(), object.key().length() - ".json".length()))
                        .ifPresent(devices::add);
            }
        }
        devices.sort(Comparator.comparing(Device::lastSeen).reversed());
        return devices;
    }
}

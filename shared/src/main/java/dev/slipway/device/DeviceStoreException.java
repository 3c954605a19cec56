package dev.slipway.device;

/** A device record that cannot be read. The message names the key, never a UDID. */
public final class DeviceStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeviceStoreException(String message) {
        super(message);
    }
}

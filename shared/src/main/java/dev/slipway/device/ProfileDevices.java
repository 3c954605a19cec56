package dev.slipway.device;

import dev.slipway.catalog.BuildRecord;
import dev.slipway.ipa.profile.DistributionType;
import java.util.List;

/**
 * Which devices a build's provisioning profile lets it install on, from the build record (the
 * ingest stores the profile's {@code ProvisionedDevices} as {@code profile.devices} and
 * {@code ProvisionsAllDevices} as {@code profile.provisionsAllDevices}; an enterprise profile
 * provisions every device).
 *
 * @param profileType the profile's type, or null if unsigned
 * @param allDevices whether the profile provisions every device (enterprise)
 * @param udids the listed devices' UDIDs
 */
public record ProfileDevices(DistributionType profileType, boolean allDevices, List<String> udids) {

    /** What a build's profile says about one device. */
    public enum Verdict {
        /** The UDID is in the profile: installs as usual. */
        REGISTERED,
        /** The profile lists devices, and not this one: iOS would refuse it. */
        NOT_REGISTERED,
        /** Enterprise (or any profile for all devices): no device check. */
        ANY_DEVICE,
        /** No device can install it over the air (App Store profile, or none). */
        NO_DEVICE
    }

    public ProfileDevices {
        udids = List.copyOf(udids);
    }

    /** The profile facts of a build record. */
    public static ProfileDevices of(BuildRecord build) {
        BuildRecord.Profile profile = build.profile();
        if (profile == null) {
            return new ProfileDevices(null, false, List.of());
        }
        boolean all = profile.type() == DistributionType.ENTERPRISE
                || Boolean.TRUE.equals(profile.others().get("provisionsAllDevices"));
        return new ProfileDevices(profile.type(), all, profile.devices());
    }

    /** Whether the profile limits devices at all (development, ad-hoc): the builds worth a device check. */
    public boolean limitsDevices() {
        return !allDevices && !udids.isEmpty();
    }

    /** The verdict for one device. */
    public Verdict verdict(String udid) {
        if (allDevices) {
            return Verdict.ANY_DEVICE;
        }
        if (udids.isEmpty()) {
            return Verdict.NO_DEVICE;
        }
        return udids.stream().anyMatch(listed -> DeviceAttributes.sameUdid(listed, udid)) ? Verdict.REGISTERED
                : Verdict.NOT_REGISTERED;
    }
}

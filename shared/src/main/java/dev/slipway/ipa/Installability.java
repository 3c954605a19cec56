package dev.slipway.ipa;

import dev.slipway.ipa.profile.DeveloperCertificate;
import dev.slipway.ipa.profile.DistributionType;
import dev.slipway.ipa.profile.ProvisioningProfile;
import dev.slipway.text.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a build can be installed over the air, and what a tester must know: the answer to
 * "why won't it install?", shared by {@code slipway inspect} and the install pages.
 */
public final class Installability {
    /** How much a finding matters: a blocker means iOS will refuse the install. */
    public enum Severity { BLOCKER, NOTE }

    /** One thing to know about installing this build. */
    public record Finding(Severity severity, String code, String message) {
    }

    private Installability() {
    }

    /**
     * The facts installability depends on, from an {@link IpaInfo} now or from a stored build record later.
     *
     * @param profileType the profile's distribution type; null when there is no profile
     * @param latestCertificateExpiry the latest expiry among the profile's certificates, or null
     * @param architectures the main executable's CPU architectures, empty when not known
     */
    public record Facts(Platform platform, DistributionType profileType, int deviceCount, String teamName,
                        Instant profileExpiresAt, Instant latestCertificateExpiry, boolean appStoreEncrypted,
                        List<String> architectures) {

        /** Facts with the architectures not known (records written before they were read). */
        public Facts(Platform platform, DistributionType profileType, int deviceCount, String teamName,
                     Instant profileExpiresAt, Instant latestCertificateExpiry, boolean appStoreEncrypted) {
            this(platform, profileType, deviceCount, teamName, profileExpiresAt, latestCertificateExpiry,
                    appStoreEncrypted, List.of());
        }

        /** The facts of a freshly read IPA. */
        public static Facts of(IpaInfo info) {
            ProvisioningProfile profile = info.profile();
            if (profile == null) {
                return new Facts(info.app().platform(), null, 0, null, null, null, info.appStoreEncrypted(),
                        info.architectures());
            }
            Instant latest = profile.certificates().stream().map(DeveloperCertificate::expiresAt)
                    .max(Instant::compareTo).orElse(null);
            return new Facts(info.app().platform(), profile.type(), profile.devices().size(),
                    profile.teamName() != null && !profile.teamName().isBlank() ? profile.teamName() : profile.teamId(),
                    profile.expiresAt(), latest, info.appStoreEncrypted(), info.architectures());
        }
    }

    /** Findings for a freshly read IPA. */
    public static List<Finding> assess(IpaInfo info, Instant now) {
        return assess(Facts.of(info), now);
    }

    /** Findings, blockers first; no blocker means it installs on the devices the profile allows. */
    public static List<Finding> assess(Facts facts, Instant now) {
        List<Finding> blockers = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        if (!facts.platform().installableOverTheAir()) {
            blockers.add(new Finding(Severity.BLOCKER, "platform",
                    "built for " + facts.platform().label() + ": it cannot be installed on a device"));
        }
        if (MachOHeader.only32Bit(facts.architectures())) {
            blockers.add(new Finding(Severity.BLOCKER, "32-bit",
                    "the app is 32-bit only (" + String.join(", ", facts.architectures())
                            + "): iOS 11 and later run only 64-bit apps"));
        }
        if (facts.profileType() == null) {
            blockers.add(new Finding(Severity.BLOCKER, "unsigned",
                    "no embedded.mobileprovision: the app is not signed for any device"));
            return blockers;
        }
        switch (facts.profileType()) {
            case APP_STORE -> blockers.add(new Finding(Severity.BLOCKER, "app-store",
                    "signed for App Store distribution: iOS installs it only through the App Store or TestFlight"));
            case ENTERPRISE -> notes.add(new Finding(Severity.NOTE, "enterprise",
                    "enterprise build: after installing, trust \"" + facts.teamName()
                            + "\" in Settings › General › VPN & Device Management"));
            default -> notes.add(new Finding(Severity.NOTE, "devices",
                    "installs only on the " + facts.deviceCount() + " device" + (facts.deviceCount() == 1 ? "" : "s")
                            + " registered in the profile; on iOS 16 or later, Developer Mode must be on"));
        }
        if (facts.appStoreEncrypted()) {
            blockers.add(new Finding(Severity.BLOCKER, "encrypted",
                    "the binary is App Store–encrypted (SC_Info): it was downloaded from the store, not exported for testing"));
        }
        if (facts.profileExpiresAt() != null && !facts.profileExpiresAt().isAfter(now)) {
            blockers.add(new Finding(Severity.BLOCKER, "profile-expired",
                    "the provisioning profile expired on " + Readable.day(facts.profileExpiresAt())));
        }
        if (facts.latestCertificateExpiry() != null && !facts.latestCertificateExpiry().isAfter(now)) {
            blockers.add(new Finding(Severity.BLOCKER, "certificate-expired",
                    "the signing certificate expired on " + Readable.day(facts.latestCertificateExpiry())));
        }
        blockers.addAll(notes);
        return blockers;
    }

    /** True if nothing in the findings stops iOS from installing the build. */
    public static boolean installable(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.severity() == Severity.BLOCKER);
    }
}

package dev.slipway.ipa;

import dev.slipway.ipa.profile.DeveloperCertificate;
import dev.slipway.ipa.profile.ProvisioningProfile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a build can be installed over the air, and what a tester must know: the answer to
 * "why won't it install?", shared by {@code slipway inspect} and the install pages.
 */
public final class Installability {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

    /** How much a finding matters: a blocker means iOS will refuse the install. */
    public enum Severity { BLOCKER, NOTE }

    /** One thing to know about installing this build. */
    public record Finding(Severity severity, String code, String message) {
    }

    private Installability() {
    }

    /** Findings in order of importance; no blocker means it installs on the devices the profile allows. */
    public static List<Finding> assess(IpaInfo info, Instant now) {
        List<Finding> findings = new ArrayList<>();
        AppBundle app = info.app();
        ProvisioningProfile profile = info.profile();
        if (!app.platform().installableOverTheAir()) {
            findings.add(new Finding(Severity.BLOCKER, "platform",
                    "built for " + app.platform().label() + ": it cannot be installed on a device"));
        }
        if (profile == null) {
            findings.add(new Finding(Severity.BLOCKER, "unsigned",
                    "no embedded.mobileprovision: the app is not signed for any device"));
            return findings;
        }
        switch (profile.type()) {
            case APP_STORE -> findings.add(new Finding(Severity.BLOCKER, "app-store",
                    "signed for App Store distribution: iOS installs it only through the App Store or TestFlight"));
            case ENTERPRISE -> findings.add(new Finding(Severity.NOTE, "enterprise",
                    "enterprise build: after installing, trust \"" + nonNull(profile.teamName(), profile.teamId())
                            + "\" in Settings › General › VPN & Device Management"));
            case DEVELOPMENT, AD_HOC -> findings.add(new Finding(Severity.NOTE, "devices",
                    "installs only on the " + profile.devices().size() + " device" + (profile.devices().size() == 1 ? "" : "s")
                            + " registered in the profile; on iOS 16 or later, Developer Mode must be on"));
        }
        if (info.appStoreEncrypted()) {
            findings.add(new Finding(Severity.BLOCKER, "encrypted",
                    "the binary is App Store–encrypted (SC_Info): it was downloaded from the store, not exported for testing"));
        }
        if (profile.expiresAt() != null && !profile.expiresAt().isAfter(now)) {
            findings.add(new Finding(Severity.BLOCKER, "profile-expired",
                    "the provisioning profile expired on " + DAY.format(profile.expiresAt())));
        }
        Instant latestCertificate = profile.certificates().stream().map(DeveloperCertificate::expiresAt)
                .max(Instant::compareTo).orElse(null);
        if (latestCertificate != null && !latestCertificate.isAfter(now)) {
            findings.add(new Finding(Severity.BLOCKER, "certificate-expired",
                    "the signing certificate expired on " + DAY.format(latestCertificate)));
        }
        return findings;
    }

    /** True if nothing in the findings stops iOS from installing the build. */
    public static boolean installable(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.severity() == Severity.BLOCKER);
    }

    private static String nonNull(String first, String second) {
        return first != null ? first : second;
    }
}

package dev.slipway.cli;

import dev.slipway.ipa.AppBundle;
import dev.slipway.ipa.DeviceFamily;
import dev.slipway.ipa.Installability;
import dev.slipway.ipa.IpaInfo;
import dev.slipway.ipa.profile.DeveloperCertificate;
import dev.slipway.ipa.profile.ProvisioningProfile;
import dev.slipway.text.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The human summary {@code slipway inspect} prints: what a release engineer asks when an install fails. */
final class InspectReport {
    private final IpaInfo info;
    private final Instant now;
    private final StringBuilder text = new StringBuilder();

    InspectReport(IpaInfo info, Instant now) {
        this.info = info;
        this.now = now;
    }

    String render() {
        AppBundle app = info.app();
        text.append(app.name()).append(' ').append(version(app)).append('\n');
        line("Bundle id", app.bundleId());
        line("Runs on", app.platform().label() + (app.minimumOsVersion() == null ? "" : " " + app.minimumOsVersion()
                + " or later") + " · " + app.deviceFamilies().stream().map(DeviceFamily::label)
                .collect(Collectors.joining(", ")));
        if (!app.supportedDevices().isEmpty()) {
            line("Only devices", String.join(", ", app.supportedDevices()));
        }
        if (!app.requiredCapabilities().isEmpty()) {
            line("Requires", String.join(", ", app.requiredCapabilities()));
        }
        profile(info.profile());
        line("Icon", info.icon() == null ? "none (" + info.iconNote() + ")"
                : info.icon().path().substring(app.path().length()) + " " + info.icon().width() + "×"
                + info.icon().height() + (info.icon().crushed() ? " (crushed by Xcode, decoded)" : ""));
        List<String> nested = new ArrayList<>();
        for (AppBundle extension : info.extensions()) {
            nested.add(describeNested(extension, "extension"));
        }
        for (AppBundle watch : info.watchApps()) {
            nested.add(describeNested(watch, "Watch app"));
        }
        line("Extensions", nested.isEmpty() ? "none" : String.join("\n" + " ".repeat(14), nested));
        if (app.xcodeVersion() != null || app.sdk() != null) {
            line("Built with", "Xcode " + orDash(app.xcodeVersion()) + (app.xcodeBuild() == null ? "" : " (" + app.xcodeBuild()
                    + ")") + ", SDK " + orDash(app.sdk()));
        }
        if (!info.architectures().isEmpty()) {
            line("Binary", String.join(", ", info.architectures()));
        }
        line("Size", Readable.count(info.archiveSize()) + " bytes, " + info.entryCount() + " entries");
        List<Installability.Finding> findings = Installability.assess(info, now);
        text.append('\n').append(Installability.installable(findings) ? "✓ Installable over the air\n"
                : "✗ Not installable over the air\n");
        for (Installability.Finding finding : findings) {
            text.append(finding.severity() == Installability.Severity.BLOCKER ? "  ✗ " : "  • ").append(finding.message())
                    .append('\n');
        }
        return text.toString();
    }

    private void profile(ProvisioningProfile profile) {
        if (profile == null) {
            line("Profile", "none (not signed for devices)");
            return;
        }
        line("Profile", profile.type().id() + " · \"" + profile.name() + "\" · " + profile.uuid());
        line("Team", profile.teamName() == null || profile.teamName().isBlank() ? profile.teamId()
                : profile.teamName() + " (" + profile.teamId() + ")");
        line("Expires", Readable.minute(profile.expiresAt()) + (profile.expiresAt().isAfter(now) ? "" : "  EXPIRED"));
        line("Devices", profile.provisionsAllDevices() ? "all (enterprise)" : profile.devices().size() + " registered");
        // The UDIDs themselves: what `slipway devices --missing` compares enrolled devices against.
        for (String udid : profile.devices()) {
            line("", udid);
        }
        Optional<DeveloperCertificate> signer = SigningCertificate.of(profile);
        // By fingerprint, as --json marks it: a record's equals() is linked through a method-handle
        // bootstrap on its first call, start-up work (about 10 ms) this one comparison would pay.
        for (DeveloperCertificate certificate : profile.certificates()) {
            line("Certificate", certificate.commonName() + ", expires " + Readable.minute(certificate.expiresAt())
                    + (certificate.expiresAt().isAfter(now) ? "" : "  EXPIRED")
                    + (signer.isPresent() && signer.get().sha1Fingerprint().equals(certificate.sha1Fingerprint())
                            ? "  ← signed the app" : ""));
        }
        if (signer.isEmpty() && profile.certificates().size() > 1) {
            line("", "(one of these signed the app: " + SigningCertificate.UNKNOWN + ")");
        }
    }

    private static String describeNested(AppBundle bundle, String kind) {
        return bundle.name() + " (" + kind + ", " + bundle.bundleId()
                + (bundle.extensionPoint() == null ? "" : ", " + bundle.extensionPoint())
                + ", profile: " + (bundle.profile() == null ? "none" : bundle.profile().type().id()) + ")";
    }

    private static String version(AppBundle app) {
        return orDash(app.version()) + " (" + orDash(app.build()) + ")";
    }

    private static String orDash(String value) {
        return value == null ? "–" : value;
    }

    private void line(String label, String value) {
        // "%-12s%n" by hand: String.format's first use loads Formatter and the locale data, start-up work.
        text.append("  ").append(label).append(" ".repeat(Math.max(0, 12 - label.length()))).append(value)
                .append(System.lineSeparator());
    }
}

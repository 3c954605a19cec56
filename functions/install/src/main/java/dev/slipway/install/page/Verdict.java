package dev.slipway.install.page;

import dev.slipway.ipa.Installability.Finding;
import dev.slipway.ipa.Installability.Severity;
import dev.slipway.wire.WireNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether this visitor can install a build, and if not why, most useful reason first: what the build
 * page's "Can't be installed" card lists and what an app page's badge says, decided in one place so
 * the two never disagree.
 *
 * @param reasons why it cannot be installed, most useful first (empty: it can)
 * @param badge the one-word summary for a list of builds
 */
public record Verdict(List<Reason> reasons, Badge badge) {

    /**
     * One reason a build cannot be installed.
     *
     * @param code the finding's code ({@code profile-expired}, …) or {@code os-version} / {@code device-family}
     * @param title a short heading
     * @param text what it means and what to do
     */
    public record Reason(String code, String title, String text) {
    }

    /** A build's state in a list, as the badge shows it. */
    public enum Badge {
        INSTALLABLE("Installable"),
        NOT_FOR_THIS_DEVICE("Not for this device"),
        EXPIRED("Expired"),
        APP_STORE("App Store–signed"),
        NOT_INSTALLABLE("Can’t be installed");

        private final String label;
        private final String cssClass;

        Badge(String label) {
            this.label = label;
            this.cssClass = "badge badge-" + WireNames.of(this);
        }

        public String label() {
            return label;
        }

        /** The CSS class of the badge: {@code badge badge-expired}. */
        public String cssClass() {
            return cssClass;
        }
    }

    /** What a verdict needs to know about a build: the same for a build page and an app page's row. */
    public record Build(List<Finding> findings, List<String> deviceFamilies, String minimumOsVersion) {
        public Build {
            findings = List.copyOf(findings);
            deviceFamilies = List.copyOf(deviceFamilies);
        }
    }

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    /** True if nothing stops this visitor installing it. */
    public boolean installable() {
        return reasons.isEmpty();
    }

    /** True if the only trouble is the kind of device: the link works on another one. */
    public boolean wrongDeviceOnly() {
        return !reasons.isEmpty() && reasons.stream().allMatch(r -> r.code().equals("device-family"));
    }

    /**
     * The verdict for this visitor. What the visitor's device says comes first: a build made for iPad
     * is "not for this iPhone" before its profile's expiry matters.
     */
    public static Verdict of(Build build, Visitor visitor) {
        List<Reason> reasons = new ArrayList<>();
        deviceReasons(build, visitor, reasons);
        for (Finding finding : build.findings()) {
            if (finding.severity() == Severity.BLOCKER) {
                reasons.add(new Reason(finding.code(), title(finding.code()),
                        Display.sentence(finding.message()) + " " + advice(finding.code())));
            }
        }
        return new Verdict(reasons, reasons.isEmpty() ? Badge.INSTALLABLE : badge(reasons.get(0).code()));
    }

    private static void deviceReasons(Build build, Visitor visitor, List<Reason> reasons) {
        if (!visitor.onIos()) {
            return;
        }
        List<String> families = build.deviceFamilies();
        boolean phone = "iPhone".equals(visitor.device()) || "iPod touch".equals(visitor.device());
        if (phone && !families.isEmpty() && !families.contains("iPhone")) {
            reasons.add(new Reason("device-family", "Made for " + familiesLabel(families),
                    "This build doesn’t run on an " + visitor.device() + ". Open this page on an iPad: scan the code "
                            + "below with it, or copy the link and send it there."));
        }
        DottedVersion minimum = parseOrNull(build.minimumOsVersion());
        if (minimum != null && visitor.osVersion() != null && visitor.osVersion().isOlderThan(minimum)) {
            reasons.add(new Reason("os-version", "Needs iOS " + minimum + " or later",
                    "This " + visitor.deviceName() + " has iOS " + visitor.osVersion() + ". Update it in Settings › "
                            + "General › Software Update, then open this page again."));
        }
    }

    private static Badge badge(String code) {
        return switch (code) {
            case "device-family", "os-version" -> Badge.NOT_FOR_THIS_DEVICE;
            case "profile-expired", "certificate-expired" -> Badge.EXPIRED;
            case "app-store", "encrypted" -> Badge.APP_STORE;
            default -> Badge.NOT_INSTALLABLE;
        };
    }

    private static String title(String code) {
        return switch (code) {
            case "app-store" -> "Signed for the App Store";
            case "profile-expired" -> "Provisioning profile expired";
            case "certificate-expired" -> "Signing certificate expired";
            case "unsigned" -> "Not signed for devices";
            case "platform" -> "Not a build for devices";
            case "encrypted" -> "Downloaded from the App Store";
            case "32-bit" -> "32-bit only";
            default -> "Can’t be installed";
        };
    }

    private static String advice(String code) {
        return switch (code) {
            case "app-store" -> "Ask the developer for an ad hoc, development or enterprise build.";
            case "profile-expired", "certificate-expired" -> "iOS refuses to install it. Ask the developer to "
                    + "sign it again and upload a new build.";
            case "32-bit" -> "Ask the developer for a build with an arm64 slice.";
            default -> "Ask the developer for a build exported for testing (ad hoc, development or enterprise).";
        };
    }

    /** "iPad", "iPhone and iPad": the families in running text. */
    static String familiesLabel(List<String> families) {
        if (families.size() == 1) {
            return families.get(0);
        }
        return String.join(", ", families.subList(0, families.size() - 1)) + " and " + families.get(families.size() - 1);
    }

    static DottedVersion parseOrNull(String version) {
        if (version == null) {
            return null;
        }
        try {
            return DottedVersion.parse(version.strip());
        } catch (IllegalArgumentException e) {
            return null; // an odd MinimumOSVersion must not break the page; iOS will judge it
        }
    }
}

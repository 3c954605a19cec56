package dev.slipway.install.page;

import dev.slipway.ipa.Installability;
import dev.slipway.ipa.Installability.Finding;
import dev.slipway.ipa.Installability.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the build page tells this visitor to do: the one action it offers and the notices around
 * it. Decided here rather than in the template so that every combination is testable.
 *
 * @param action what the page offers
 * @param notices what the visitor must know, most serious first
 * @param installHint the line under the Install button
 * @param qrHeading the heading over the QR code
 * @param qrHint the line under that heading
 * @param safariHint how to get from this browser to Safari
 */
public record Guidance(Action action, List<Notice> notices, String installHint, String qrHeading, String qrHint,
                       String safariHint) {

    /** What the page offers. */
    public enum Action {
        /** The Install button: Safari on iOS, nothing in the way. */
        INSTALL,
        /**
         * Both the Install button and the QR code, one of them hidden by the touch check: a
         * Macintosh user agent is a Mac or an iPad in desktop mode.
         */
        INSTALL_OR_QR,
        /** The QR code of the page, to carry it to an iPhone: computers and Android. */
        QR,
        /** The page's address and how to open it in Safari: other iOS browsers and in-app browsers. */
        OPEN_IN_SAFARI,
        /** Nothing to press: the build cannot be installed (the notices say why). */
        NONE
    }

    /** How serious a notice is; the page styles each level differently. */
    public enum Level {
        BLOCKER, WARNING, INFO;

        /** The CSS class of a notice at this level. */
        public String cssClass() {
            return "notice notice-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One thing to know.
     *
     * @param level how serious it is
     * @param title a short heading
     * @param text one or two sentences
     */
    public record Notice(Level level, String title, String text) {
    }

    /** Developer Mode arrived with iOS 16; before it, development and ad hoc builds just run. */
    private static final int DEVELOPER_MODE_SINCE = 16;
    /** How early to warn that the profile runs out: installed copies stop opening when it does. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    public Guidance {
        notices = List.copyOf(notices);
    }

    /** True if the page carries the Install button (perhaps hidden until the touch check). */
    public boolean showsInstall() {
        return action == Action.INSTALL || action == Action.INSTALL_OR_QR;
    }

    /** True if the page carries the QR code (perhaps hidden by the touch check). */
    public boolean showsQr() {
        return action == Action.QR || action == Action.INSTALL_OR_QR;
    }

    /** True if the page needs the touch-check script. */
    public boolean needsTouchCheck() {
        return action == Action.INSTALL_OR_QR;
    }

    /**
     * Decides what the page offers this page's visitor.
     *
     * @param now the current time, to warn about a profile about to expire
     */
    public static Guidance forBuild(BuildPage page, Instant now) {
        List<Notice> notices = new ArrayList<>();
        Visitor visitor = page.visitor();
        String devices = devicesWanted(page);
        Action action = blockers(page, notices) ? Action.NONE : switch (visitor.kind()) {
            case IOS_SAFARI -> requirementsMet(page, notices) ? Action.INSTALL : Action.NONE;
            case IOS_BROWSER, IOS_IN_APP -> Action.OPEN_IN_SAFARI;
            case MAC -> Action.INSTALL_OR_QR;
            case DESKTOP, ANDROID -> Action.QR;
        };
        if (action != Action.NONE) {
            installNotes(page, action, notices);
            expiryWarning(page, now, notices);
        }
        notices.sort(Comparator.comparing(Notice::level));

        String qrHeading = visitor.kind() == Visitor.Kind.ANDROID ? "This is an app for " + devices
                : "Open this page on your " + devices;
        String qrHint = visitor.kind() == Visitor.Kind.ANDROID
                ? "Android can’t install it. Point an iPhone’s camera at this code to open the page there."
                : "Point the Camera at this code and tap the link that appears.";
        String installHint = "Tap Install, then Install again when iOS asks. The app appears on your Home Screen "
                + "and shows its progress there.";
        return new Guidance(action, notices, installHint, qrHeading, qrHint, safariHint(visitor));
    }

    /** Adds a notice for each blocker finding; true if there was any. */
    private static boolean blockers(BuildPage page, List<Notice> notices) {
        boolean blocked = false;
        for (Finding finding : page.findings()) {
            if (finding.severity() == Severity.BLOCKER) {
                notices.add(new Notice(Level.BLOCKER, blockerTitle(finding.code()),
                        Display.sentence(finding.message()) + " " + blockerAdvice(finding.code())));
                blocked = true;
            }
        }
        return blocked;
    }

    private static String blockerTitle(String code) {
        return switch (code) {
            case "app-store" -> "Signed for the App Store";
            case "profile-expired" -> "Provisioning profile expired";
            case "certificate-expired" -> "Signing certificate expired";
            case "unsigned" -> "Not signed for devices";
            case "platform" -> "Not a build for devices";
            case "encrypted" -> "Downloaded from the App Store";
            default -> "Can’t be installed";
        };
    }

    private static String blockerAdvice(String code) {
        return switch (code) {
            case "app-store" -> "Ask the developer for an ad hoc, development or enterprise build.";
            case "profile-expired", "certificate-expired" -> "iOS refuses to install it. Ask the developer to "
                    + "sign it again and upload a new build.";
            default -> "Ask the developer for a build exported for testing (ad hoc, development or enterprise).";
        };
    }

    /** Checks what Safari's user agent tells about the device; adds a blocker and answers false if it will not do. */
    private static boolean requirementsMet(BuildPage page, List<Notice> notices) {
        Visitor visitor = page.visitor();
        DottedVersion minimum = parseOrNull(page.minimumOsVersion());
        if (minimum != null && visitor.osVersion() != null && visitor.osVersion().isOlderThan(minimum)) {
            notices.add(new Notice(Level.BLOCKER, "Needs iOS " + minimum + " or later",
                    "This " + visitor.deviceName() + " has iOS " + visitor.osVersion() + ". Update it in Settings › "
                            + "General › Software Update, then open this page again."));
            return false;
        }
        List<String> families = page.deviceFamilies();
        boolean phone = "iPhone".equals(visitor.device()) || "iPod touch".equals(visitor.device());
        if (phone && !families.isEmpty() && !families.contains("iPhone")) {
            notices.add(new Notice(Level.BLOCKER, "Made for " + page.deviceFamiliesLabel(),
                    "This build doesn’t run on an " + visitor.device() + ". Open this page on an iPad."));
            return false;
        }
        return true;
    }

    /** What to know before or after installing, for the profile the build carries. */
    private static void installNotes(BuildPage page, Action action, List<Notice> notices) {
        boolean installingHere = action == Action.INSTALL || action == Action.INSTALL_OR_QR;
        DottedVersion os = page.visitor().osVersion();
        for (Finding finding : page.findings()) {
            switch (finding.code()) {
                case "devices" -> {
                    String kind = page.profileLabel() == null ? "" : page.profileLabel().toLowerCase(Locale.ROOT) + " ";
                    notices.add(new Notice(Level.INFO, "Registered devices only", "This " + kind
                            + "build installs only on devices listed "
                            + "in its provisioning profile. If iOS says it can’t install, ask the developer to add "
                            + "your device."));
                    if (installingHere && (os == null || os.major() >= DEVELOPER_MODE_SINCE)) {
                        notices.add(new Notice(Level.INFO, "Turn on Developer Mode", "On iOS 16 and later the app "
                                + "opens only with Developer Mode on: Settings › Privacy & Security › Developer Mode, "
                                + "then restart when asked."));
                    }
                }
                case "enterprise" -> {
                    if (installingHere) {
                        String team = page.teamName() != null ? "“" + page.teamName() + "”" : "the developer’s profile";
                        notices.add(new Notice(Level.INFO, "Trust the developer", "After installing, open Settings › "
                                + "General › VPN & Device Management, tap " + team + " and choose Trust. The app "
                                + "opens only after that."));
                    }
                }
                default -> {
                    if (finding.severity() == Installability.Severity.NOTE) {
                        notices.add(new Notice(Level.INFO, "Note", Display.sentence(finding.message())));
                    }
                }
            }
        }
    }

    private static void expiryWarning(BuildPage page, Instant now, List<Notice> notices) {
        Instant expires = page.profileExpiresAt();
        if (expires != null && expires.isAfter(now) && expires.isBefore(now.plus(EXPIRY_WARNING))) {
            notices.add(new Notice(Level.WARNING, "Profile expires soon", "The provisioning profile expires on "
                    + Display.date(expires) + ". After that the app won’t open until you install a newer build."));
        }
    }

    private static String safariHint(Visitor visitor) {
        if (visitor.kind() == Visitor.Kind.IOS_BROWSER) {
            return "iOS installs apps only from Safari, not from " + visitor.browser()
                    + ". Copy this address and open it in Safari:";
        }
        String app = visitor.browser() != null ? visitor.browser() : "This app";
        return app + " shows pages in its own browser, which can’t install apps. Use its menu (••• or the "
                + "share button) to open the page in Safari, or copy this address into Safari:";
    }

    /** "iPhone", "iPad" or "iPhone or iPad", after the build's device families. */
    private static String devicesWanted(BuildPage page) {
        boolean phone = page.deviceFamilies().contains("iPhone");
        boolean pad = page.deviceFamilies().contains("iPad");
        if (pad && !phone) {
            return "iPad";
        }
        return pad ? "iPhone or iPad" : "iPhone";
    }

    private static DottedVersion parseOrNull(String version) {
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

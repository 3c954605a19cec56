package dev.slipway.install.page;

import dev.slipway.ipa.Installability;
import dev.slipway.ipa.Installability.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the build page tells this visitor to do: the one action it offers, why the build cannot be
 * installed (one list, most useful reason first) and the notices around it. Decided here rather
 * than in the template so that every combination is testable.
 *
 * @param action what the page offers
 * @param verdict whether this visitor can install it, and the reasons if not
 * @param notices what the visitor must know besides, most serious first
 * @param texts the lines the page shows around the action
 * @param safariButton whether "Open in Safari" can be a button ({@code x-safari-https://}, iOS 17 and later)
 */
public record Guidance(Action action, Verdict verdict, List<Notice> notices, Texts texts, boolean safariButton) {

    /** What the page offers. */
    public enum Action {
        /** The Install button: Safari on iOS, nothing in the way. */
        INSTALL,
        /**
         * Both the Install button and the QR code, one of them hidden by the touch check: a
         * Macintosh user agent is a Mac or an iPad in desktop mode.
         */
        INSTALL_OR_QR,
        /**
         * The QR code of the page and its link to copy, to carry it to the right device: computers,
         * Android, and an iPhone looking at a build made for iPad.
         */
        QR,
        /** "Open in Safari", the page's address and Copy link: other iOS browsers and in-app browsers. */
        OPEN_IN_SAFARI,
        /** Nothing to press: the build cannot be installed (the reasons say why). */
        NONE
    }

    /** How serious a notice is; the page styles each level differently. */
    public enum Level {
        WARNING, INFO;

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

    /**
     * The lines around the action.
     *
     * @param installHint the line under the Install button
     * @param qrHeading the heading over the QR code
     * @param qrHint the line under that heading
     * @param safariHint how to get from this browser to Safari
     */
    public record Texts(String installHint, String qrHeading, String qrHint, String safariHint) {
    }

    /** Developer Mode arrived with iOS 16; before it, development and ad hoc builds just run. */
    private static final int DEVELOPER_MODE_SINCE = 16;
    /** {@code x-safari-https://} opens Safari from other apps since iOS 17. */
    private static final int SAFARI_SCHEME_SINCE = 17;
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

    /** True if the page shows its own link to copy (and the script that puts it on the clipboard). */
    public boolean showsCopyLink() {
        return action == Action.QR || action == Action.OPEN_IN_SAFARI || action == Action.INSTALL_OR_QR;
    }

    /** The reasons it cannot be installed, most useful first; empty when it can. */
    public List<Verdict.Reason> reasons() {
        return verdict.reasons();
    }

    /**
     * Decides what the page offers this page's visitor.
     *
     * @param now the current time, to warn about a profile about to expire
     */
    public static Guidance forBuild(BuildPage page, Instant now) {
        List<Notice> notices = new ArrayList<>();
        Visitor visitor = page.visitor();
        Verdict verdict = Verdict.of(page.verdictInput(), visitor);
        Action action;
        if (verdict.wrongDeviceOnly()) {
            action = Action.QR;
        } else if (!verdict.installable()) {
            action = Action.NONE;
        } else {
            action = switch (visitor.kind()) {
                case IOS_SAFARI -> Action.INSTALL;
                case IOS_BROWSER, IOS_IN_APP -> Action.OPEN_IN_SAFARI;
                case MAC -> Action.INSTALL_OR_QR;
                case DESKTOP, ANDROID -> Action.QR;
            };
            installNotes(page, action, notices);
            expiryWarning(page, now, notices);
        }
        notices.sort(Comparator.comparing(Notice::level));

        String devices = devicesWanted(page);
        String qrHeading = visitor.kind() == Visitor.Kind.ANDROID ? "This is an app for " + devices
                : "Open this page on your " + devices;
        String qrHint;
        if (visitor.kind() == Visitor.Kind.ANDROID) {
            qrHint = "Android can’t install it. Point an iPhone’s camera at this code to open the page there.";
        } else if (visitor.onIos()) {
            qrHint = "Scan this code with the " + devices + "’s camera, or copy the link and send it there.";
        } else {
            qrHint = "Point the Camera at this code and tap the link that appears.";
        }
        String installHint = "Tap Install, then Install again when iOS asks. The app appears on your Home Screen "
                + "and shows its progress there.";
        boolean safariButton = action == Action.OPEN_IN_SAFARI && visitor.osVersion() != null
                && visitor.osVersion().major() >= SAFARI_SCHEME_SINCE && page.safariUrl() != null;
        return new Guidance(action, verdict, notices, new Texts(installHint, qrHeading, qrHint,
                safariHint(visitor, safariButton)), safariButton);
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

    private static String safariHint(Visitor visitor, boolean button) {
        String rest = button ? " Tap Open in Safari, or copy this address into Safari:" : " Copy this address and "
                + "open it in Safari:";
        if (visitor.kind() == Visitor.Kind.IOS_BROWSER) {
            return "iOS installs apps only from Safari, not from " + visitor.browser() + "." + rest;
        }
        String app = visitor.browser() != null ? visitor.browser() : "This app";
        return app + " shows pages in its own browser, which can’t install apps."
                + (button ? rest : " Use its menu (••• or the share button) to open the page in Safari, or copy this "
                + "address into Safari:");
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
}

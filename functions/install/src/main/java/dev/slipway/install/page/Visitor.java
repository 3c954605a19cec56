package dev.slipway.install.page;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who opened an install page, as far as the {@code User-Agent} tells: the page shows an Install
 * button only where iOS can act on it (Safari on an iPhone or iPad), a QR code on a computer, and
 * "open in Safari" inside other browsers and in-app browsers.
 *
 * @param kind what sort of browser this is
 * @param device {@code iPhone}, {@code iPad} or {@code iPod touch} on iOS, otherwise null
 * @param osVersion the iOS version, or null where the user agent does not tell it
 * @param browser the browser or app showing the page, for the guidance text ({@code Chrome},
 *                {@code Instagram}); null for Safari, desktops and unnamed in-app browsers
 */
public record Visitor(Kind kind, String device, DottedVersion osVersion, String browser) {

    /** What sort of browser opened the page. */
    public enum Kind {
        /** A computer, or anything that is neither iOS nor Android: gets the QR code. */
        DESKTOP,
        /**
         * A Macintosh user agent: a Mac, or an iPad in desktop mode (iPadOS 13+ sends the Mac's
         * user agent by default). The server cannot tell them apart, so the page carries both the
         * Install and the QR sections and a script picks one by the touch screen.
         */
        MAC,
        /** Safari on an iPhone, iPad or iPod touch: the only browser iOS installs from. */
        IOS_SAFARI,
        /** Another browser on iOS (Chrome, Firefox, Edge, …): it cannot hand the link to the installer. */
        IOS_BROWSER,
        /** A web view inside an app (Facebook, Instagram, LinkedIn, …). */
        IOS_IN_APP,
        /** An Android device: an iOS app cannot be installed there. */
        ANDROID
    }

    /** Longer headers are cut: no real user agent comes near it, and matching stays cheap. */
    private static final int MAX_USER_AGENT = 2048;

    private static final Pattern IOS_DEVICE = Pattern.compile("\\((iPhone|iPad|iPod touch|iPod)[;)]");
    private static final Pattern IOS_VERSION = Pattern.compile("\\bOS (\\d+(?:_\\d+){0,2}) like Mac OS X");
    private static final Pattern SAFARI_VERSION = Pattern.compile("\\bVersion/(\\d+(?:\\.\\d+){0,2})");

    /** Apps whose web view announces itself, in the order they are tried. */
    private static final List<Token> IN_APP = List.of(
            new Token("FBAN/Messenger", "Messenger"),
            new Token("FBAN/", "Facebook"),
            new Token("FBAV/", "Facebook"),
            new Token("FB_IAB", "Facebook"),
            new Token("Instagram", "Instagram"),
            new Token("LinkedInApp", "LinkedIn"),
            new Token(" Line/", "LINE"),
            new Token("Twitter", "X"),
            new Token("Snapchat", "Snapchat"),
            new Token("Pinterest", "Pinterest"),
            new Token("MicroMessenger", "WeChat"),
            new Token("musical_ly", "TikTok"),
            new Token("BytedanceWebview", "TikTok"),
            new Token("WhatsApp", "WhatsApp"),
            new Token("GSA/", "the Google app"));

    /** Browsers other than Safari; on iOS they all use WebKit, but only Safari opens itms-services links. */
    private static final List<Token> OTHER_BROWSERS = List.of(
            new Token("CriOS/", "Chrome"),
            new Token("FxiOS/", "Firefox"),
            new Token("EdgiOS/", "Edge"),
            new Token("OPiOS/", "Opera"),
            new Token("OPT/", "Opera"),
            new Token("DuckDuckGo/", "DuckDuckGo"),
            new Token("Ddg/", "DuckDuckGo"),
            new Token("YaBrowser/", "Yandex Browser"));

    private record Token(String marker, String name) {
    }

    /**
     * Classifies a {@code User-Agent} header; a missing or blank header counts as a desktop.
     *
     * @param userAgent the header's value, or null
     */
    public static Visitor fromUserAgent(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        if (ua.contains("Android")) {
            return new Visitor(Kind.ANDROID, null, null, null);
        }
        Matcher device = IOS_DEVICE.matcher(ua);
        if (device.find()) {
            return ios(ua, device.group(1).equals("iPod") ? "iPod touch" : device.group(1));
        }
        if (ua.contains("Macintosh")) {
            // These tokens exist only in iOS browsers: an iPad in desktop mode gives itself away.
            String iosBrowser = nameOf(ua, OTHER_BROWSERS);
            if (iosBrowser != null) {
                return new Visitor(Kind.IOS_BROWSER, "iPad", null, iosBrowser);
            }
            return new Visitor(Kind.MAC, null, null, null);
        }
        return new Visitor(Kind.DESKTOP, null, null, null);
    }

    private static Visitor ios(String ua, String device) {
        DottedVersion version = iosVersion(ua);
        String app = nameOf(ua, IN_APP);
        if (app != null) {
            return new Visitor(Kind.IOS_IN_APP, device, version, app);
        }
        String browser = nameOf(ua, OTHER_BROWSERS);
        if (browser != null) {
            return new Visitor(Kind.IOS_BROWSER, device, version, browser);
        }
        if (!ua.contains("Safari/")) {
            // A bare WKWebView drops Safari's token: some app we do not know by name.
            return new Visitor(Kind.IOS_IN_APP, device, version, null);
        }
        return new Visitor(Kind.IOS_SAFARI, device, safariVersion(ua, version), null);
    }

    private static DottedVersion iosVersion(String ua) {
        Matcher matcher = IOS_VERSION.matcher(ua);
        return matcher.find() ? parseOrNull(matcher.group(1)) : null;
    }

    /**
     * Safari 26 freezes the OS token at {@code 18_6} while its {@code Version/} token keeps following
     * iOS, so the larger of the two is the truth on Safari.
     */
    private static DottedVersion safariVersion(String ua, DottedVersion osToken) {
        Matcher matcher = SAFARI_VERSION.matcher(ua);
        DottedVersion safari = matcher.find() ? parseOrNull(matcher.group(1)) : null;
        if (safari != null && (osToken == null || safari.major() > osToken.major())) {
            return safari;
        }
        return osToken;
    }

    private static DottedVersion parseOrNull(String text) {
        try {
            return DottedVersion.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nameOf(String ua, List<Token> tokens) {
        for (Token token : tokens) {
            if (ua.contains(token.marker())) {
                return token.name();
            }
        }
        return null;
    }

    /** True on iPhone, iPad and iPod touch, whatever the browser. */
    public boolean onIos() {
        return kind == Kind.IOS_SAFARI || kind == Kind.IOS_BROWSER || kind == Kind.IOS_IN_APP;
    }

    /** The device in running text: "iPhone", "iPad", or "iPhone" when unknown. */
    public String deviceName() {
        return device != null ? device : "iPhone";
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (device != null ? " " + device : "")
                + (osVersion != null ? " " + osVersion : "") + (browser != null ? " (" + browser + ")" : "");
    }
}

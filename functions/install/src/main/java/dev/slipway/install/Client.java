package dev.slipway.install;

import dev.slipway.install.page.Visitor;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made a request, as the event log records it: the device family, the iOS version and the kind
 * of client. iOS's installer (which fetches the manifest after the Install tap, and then the
 * package) sends {@code com.apple.appstored/1.0 iOS/18.1 model/iPhone16,2 …}; browsers send what
 * {@link Visitor} reads. Never the whole user agent: it is close to a fingerprint.
 *
 * @param device {@code iPhone}, {@code iPad}, {@code iPod touch}, {@code Mac}, {@code Android} or {@code desktop}
 * @param ios the iOS version ({@code 18.1}), or null when not iOS or not said
 * @param kind {@code installer}, {@code safari}, {@code browser}, {@code in-app} or {@code desktop}
 */
record Client(String device, String ios, String kind) {
    static final String INSTALLER = "installer";
    private static final Pattern INSTALLER_AGENT = Pattern.compile(
            "^(?:com\\.apple\\.appstored|itunesstored|com\\.apple\\.itunesstored)/");
    private static final Pattern INSTALLER_IOS = Pattern.compile("\\biOS/(\\d+(?:\\.\\d+){0,2})");
    private static final Pattern INSTALLER_MODEL = Pattern.compile("\\bmodel/(iPhone|iPad|iPod)");
    private static final int MAX_USER_AGENT = 2048;

    static Client of(String userAgent) {
        return of(userAgent, Visitor.fromUserAgent(userAgent));
    }

    /** @param visitor what {@link Visitor#fromUserAgent} made of the same user agent */
    static Client of(String userAgent, Visitor visitor) {
        String ua = userAgent == null ? "" : userAgent.length() > MAX_USER_AGENT
                ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        if (INSTALLER_AGENT.matcher(ua).find()) {
            Matcher ios = INSTALLER_IOS.matcher(ua);
            Matcher model = INSTALLER_MODEL.matcher(ua);
            String device = model.find() ? (model.group(1).equals("iPod") ? "iPod touch" : model.group(1)) : "iPhone";
            return new Client(device, ios.find() ? ios.group(1) : null, INSTALLER);
        }
        return switch (visitor.kind()) {
            case IOS_SAFARI -> new Client(visitor.device(), version(visitor), "safari");
            case IOS_BROWSER -> new Client(visitor.deviceName(), version(visitor), "browser");
            case IOS_IN_APP -> new Client(visitor.device(), version(visitor), "in-app");
            case MAC -> new Client("Mac", null, "desktop");
            case ANDROID -> new Client("Android", null, "browser");
            case DESKTOP -> new Client("desktop", null, "desktop");
        };
    }

    /** The log line's fields. */
    List<Object> logFields() {
        return Arrays.asList("device", device, "ios", ios, "client", kind);
    }

    private static String version(Visitor visitor) {
        return visitor.osVersion() == null ? null : visitor.osVersion().toString();
    }
}

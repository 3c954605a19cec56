package dev.slipway.cli;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.Scope;
import java.util.regex.Pattern;

/** What {@code link} and {@code revoke} act on: {@code BUILD} (a build id) or {@code APP[:CHANNEL]}. */
final class Scopes {
    private static final Pattern BUILD_ID = Pattern.compile("[a-z2-7]{20}");
    private static final Pattern BUNDLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,154}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private Scopes() {
    }

    /**
     * @throws InvalidInputException naming the text if it is neither form
     */
    static Scope parse(String text) throws InvalidInputException {
        if (BUILD_ID.matcher(text).matches()) {
            return new BuildScope(text);
        }
        int colon = text.lastIndexOf(':');
        String bundleId = colon < 0 ? text : text.substring(0, colon);
        String channel = colon < 0 ? null : text.substring(colon + 1);
        if (!BUNDLE_ID.matcher(bundleId).matches() || channel != null && !CHANNEL.matcher(channel).matches()) {
            throw new InvalidInputException("\"" + text + "\" is neither a build id (20 characters, a-z 2-7) nor "
                    + "APP[:CHANNEL] (a bundle id such as com.example.app, and a channel such as beta)");
        }
        return new AppScope(bundleId, channel);
    }

    /** As the messages name it: {@code build abc…}, {@code app com.example}, {@code channel beta of app com.example}. */
    static String describe(Scope scope) {
        if (scope instanceof BuildScope build) {
            return "build " + build.buildId();
        }
        AppScope app = (AppScope) scope;
        return app.channel() == null ? "app " + app.bundleId() : "channel " + app.channel() + " of app " + app.bundleId();
    }
}

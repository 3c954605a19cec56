package dev.slipway.cli;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.Scope;
import dev.slipway.catalog.BuildId;
import dev.slipway.catalog.BundleId;
import dev.slipway.catalog.Channel;

/** What {@code link} and {@code revoke} act on: {@code BUILD} (a build id) or {@code APP[:CHANNEL]}. */
final class Scopes {
    private Scopes() {
    }

    /**
     * @throws InvalidInputException naming the text if it is neither form
     */
    static Scope parse(String text) throws InvalidInputException {
        if (BuildId.FORM.matches(text)) {
            return new BuildScope(text);
        }
        int colon = text.lastIndexOf(':');
        String bundleId = colon < 0 ? text : text.substring(0, colon);
        String channel = colon < 0 ? null : text.substring(colon + 1);
        if (!BundleId.FORM.matches(bundleId) || channel != null && !Channel.FORM.matches(channel)) {
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

package dev.slipway.notify.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where notices are POSTed, and in which body format.
 *
 * @param url the receiver
 * @param format {@link Format#SLIPWAY} (the notice's JSON) or {@link Format#SLACK} (chat text)
 */
public record WebhookTarget(URI url, Format format) {
    /** The prefix that asks for a chat payload: {@code slack:https://hooks.slack.com/…}. */
    public static final String SLACK_PREFIX = "slack:";

    /** The body a target receives. */
    public enum Format {
        /** The notice's own JSON ({@code {type, id, occurredAt, app, build, …}}). */
        SLIPWAY,
        /** {@code {"text": …}}: what Slack, Mattermost and compatible incoming webhooks take. */
        SLACK
    }

    /**
     * Reads {@code URL} or {@code slack:URL}.
     *
     * @param allowHttp whether plain {@code http://} is acceptable (the local stack; never when deployed)
     * @throws IllegalArgumentException naming the target and what is wrong with it
     */
    public static WebhookTarget parse(String spec, boolean allowHttp) {
        String text = spec.trim();
        Format format = Format.SLIPWAY;
        if (text.startsWith(SLACK_PREFIX)) {
            format = Format.SLACK;
            text = text.substring(SLACK_PREFIX.length());
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhook " + text + " is not a URL");
        }
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        boolean http = "http".equalsIgnoreCase(url.getScheme());
        if (!(https || (allowHttp && http)) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook " + text + " is not an " + (allowHttp ? "http(s)" : "https")
                    + ":// URL");
        }
        return new WebhookTarget(url, format);
    }

    /**
     * Reads a comma-separated list, as the template passes it; blanks are skipped.
     *
     * @throws IllegalArgumentException for the first unusable entry
     */
    public static List<WebhookTarget> parseList(String specs, boolean allowHttp) {
        List<WebhookTarget> targets = new ArrayList<>();
        for (String spec : specs.split(",")) {
            if (!spec.isBlank()) {
                targets.add(parse(spec, allowHttp));
            }
        }
        return targets;
    }

    /** The receiver without path or query (which may hold a chat webhook's secret), for logs. */
    @Override
    public String toString() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + " ("
                + format.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}

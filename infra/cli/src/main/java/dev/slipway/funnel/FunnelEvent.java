package dev.slipway.funnel;

import java.time.Instant;

/**
 * A tester request as the event log records it, or a count of identical ones (what a Logs
 * Insights {@code stats count(*)} row stands for).
 *
 * @param at when (for aggregated rows, the start of the UTC day)
 * @param event {@code page.view}, {@code manifest.fetch} or {@code package.download}
 * @param build the build id, or null (an app page)
 * @param app the bundle id, or null
 * @param channel the channel, or null
 * @param ios the iOS version, or null
 * @param client {@code installer}, {@code safari}, …
 * @param method GET or HEAD
 * @param result {@code ok}, {@code refused} or {@code error}
 * @param count how many requests this stands for
 */
public record FunnelEvent(Instant at, String event, String build, String app, String channel, String ios, String client,
                          String method, String result, long count) {
    public static final String PAGE_VIEW = "page.view";
    public static final String MANIFEST_FETCH = "manifest.fetch";
    public static final String PACKAGE_DOWNLOAD = "package.download";
    public static final String INSTALLER = "installer";
}

package dev.slipway.funnel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The install funnel: page views → Install taps (manifest fetches by iOS's installer, which only a
 * tap on Install starts) → package downloads, in all and per build, per UTC day and per iOS version.
 * Only answered requests count ({@code result: ok}, GET); a manifest fetched by a browser is not a tap.
 */
public final class Funnel {
    /** An app page shows several builds: its views are counted under this name, not under a build. */
    public static final String APP_PAGE = "(app page)";
    public static final String UNKNOWN = "unknown";

    /** One row of counts. */
    public static final class Counts {
        private long pageViews;
        private long installTaps;
        private long downloads;

        public long pageViews() {
            return pageViews;
        }

        public long installTaps() {
            return installTaps;
        }

        public long downloads() {
            return downloads;
        }

        void add(Step step, long count) {
            switch (step) {
                case VIEW -> pageViews += count;
                case TAP -> installTaps += count;
                case DOWNLOAD -> downloads += count;
            }
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("pageViews", pageViews);
            map.put("installTaps", installTaps);
            map.put("downloads", downloads);
            return map;
        }
    }

    private enum Step { VIEW, TAP, DOWNLOAD }

    private final FunnelTarget target;
    private final Counts total = new Counts();
    private final Map<String, Counts> byBuild = new TreeMap<>();
    private final Map<String, Counts> byDay = new TreeMap<>();
    private final Map<String, Counts> byIos = new TreeMap<>(Funnel::compareVersions);

    private Funnel(FunnelTarget target) {
        this.target = target;
    }

    /** Counts the events that belong to the target; the others are skipped. */
    public static Funnel of(FunnelTarget target, Collection<FunnelEvent> events) {
        Funnel funnel = new Funnel(target);
        for (FunnelEvent event : events) {
            Step step = step(event);
            if (step != null && target.covers(event)) {
                funnel.add(step, event);
            }
        }
        return funnel;
    }

    private static Step step(FunnelEvent event) {
        if (!"ok".equals(event.result()) || !"GET".equals(event.method())) {
            return null;
        }
        return switch (event.event()) {
            case FunnelEvent.PAGE_VIEW -> Step.VIEW;
            case FunnelEvent.MANIFEST_FETCH -> FunnelEvent.INSTALLER.equals(event.client()) ? Step.TAP : null;
            case FunnelEvent.PACKAGE_DOWNLOAD -> Step.DOWNLOAD;
            default -> null;
        };
    }

    private void add(Step step, FunnelEvent event) {
        total.add(step, event.count());
        byBuild.computeIfAbsent(event.build() == null ? APP_PAGE : event.build(), k -> new Counts()).add(step, event.count());
        byDay.computeIfAbsent(LocalDate.ofInstant(event.at(), ZoneOffset.UTC).toString(), k -> new Counts())
                .add(step, event.count());
        byIos.computeIfAbsent(event.ios() == null ? UNKNOWN : event.ios(), k -> new Counts()).add(step, event.count());
    }

    public FunnelTarget target() {
        return target;
    }

    public Counts total() {
        return total;
    }

    public Map<String, Counts> byBuild() {
        return byBuild;
    }

    public Map<String, Counts> byDay() {
        return byDay;
    }

    public Map<String, Counts> byIos() {
        return byIos;
    }

    /** The {@code --json} form: totals, then the three breakdowns as lists. */
    public Map<String, Object> toMap(String targetText) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", targetText);
        json.put("since", target.since().toString());
        json.put("total", total.toMap());
        json.put("builds", rows("build", byBuild));
        json.put("days", rows("day", byDay));
        json.put("iosVersions", rows("ios", byIos));
        return json;
    }

    private static List<Map<String, Object>> rows(String key, Map<String, Counts> counts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((name, row) -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(key, name);
            map.putAll(row.toMap());
            rows.add(map);
        });
        return rows;
    }

    /** {@code 9.3} before {@code 18.1} before {@code 18.1.1}; {@code unknown} last. */
    static int compareVersions(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals(UNKNOWN) || b.equals(UNKNOWN)) {
            return a.equals(UNKNOWN) ? 1 : -1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int cmp = Long.compare(part(x, i), part(y, i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return a.compareTo(b);
    }

    private static long part(String[] parts, int i) {
        if (i >= parts.length) {
            return -1;
        }
        try {
            return Long.parseLong(parts[i]);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}

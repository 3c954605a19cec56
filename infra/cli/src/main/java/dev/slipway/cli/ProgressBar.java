package dev.slipway.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on a terminal, redrawn in place at most ten times a second. */
final class ProgressBar implements Uploader.Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter terminal;
    private final String label;
    private boolean drawn;
    private long lastDrawn;
    private long lastSent = -1;

    ProgressBar(PrintWriter terminal, String label) {
        this.terminal = terminal;
        this.label = label;
    }

    @Override
    public void advance(long sent, long total) {
        long now = System.nanoTime();
        // The first and the last state always show; in between, at most ten frames a second.
        if (sent == lastSent || drawn && sent < total && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        drawn = true;
        lastDrawn = now;
        lastSent = sent;
        terminal.print("\r" + render(label, sent, total));
        terminal.flush();
    }

    @Override
    public void done() {
        terminal.println();
        terminal.flush();
    }

    /** {@code Uploading App.ipa [#########---------------------]  30%  12.6 of 42.0 MB}. */
    static String render(String label, long sent, long total) {
        int percent = total == 0 ? 100 : (int) (sent * 100 / total);
        int filled = percent * WIDTH / 100;
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %.1f of %.1f MB", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), percent, sent / 1e6, total / 1e6);
    }
}

package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void render_partWay_fillsTheBarInProportion() {
        assertThat(ProgressBar.render("Uploading App.ipa", 12_600_000, 42_000_000))
                .isEqualTo("Uploading App.ipa [#########---------------------]  30%  12.6 of 42.0 MB");
    }

    @Test
    void render_done_isFull() {
        assertThat(ProgressBar.render("Uploading App.ipa", 42_000_000, 42_000_000))
                .isEqualTo("Uploading App.ipa [##############################] 100%  42.0 of 42.0 MB");
    }

    @Test
    void advance_quickSuccession_drawsTheFirstAndLastFramesOnce() {
        // given
        StringWriter terminal = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(terminal), "Up");

        // when parts arrive faster than ten frames a second, and the end is reported twice
        bar.advance(0, 3_000_000);
        bar.advance(1_000_000, 3_000_000);
        bar.advance(3_000_000, 3_000_000);
        bar.advance(3_000_000, 3_000_000);
        bar.done();

        // then
        assertThat(terminal.toString()).isEqualTo("\rUp [------------------------------]   0%  0.0 of 3.0 MB"
                + "\rUp [##############################] 100%  3.0 of 3.0 MB" + System.lineSeparator());
    }
}

package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}

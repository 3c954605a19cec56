package dev.slipway.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class PrimingTest {
    @Test
    void prime_overTheInMemoryBuild_answersEveryRouteAsForARealBuild() {
        // when: build page (iPhone, desktop), app page, manifest, download GET and HEAD, unknown build
        List<Integer> statuses = Priming.prime(Region.EU_WEST_1);
        // then: a priming round that fell into an error page would warm the wrong code
        assertThat(statuses).containsExactly(200, 200, 200, 200, 302, 302, 404);
    }
}

package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import org.junit.jupiter.api.Test;

class ScopesTest {
    @Test
    void parse_buildId_isABuild() throws Exception {
        assertThat(Scopes.parse("dqj2q5cxgv3adsyufere")).isEqualTo(new BuildScope("dqj2q5cxgv3adsyufere"));
    }

    @Test
    void parse_bundleId_isEveryChannelOfTheApp() throws Exception {
        assertThat(Scopes.parse("com.example.app")).isEqualTo(AppScope.allChannels("com.example.app"));
    }

    @Test
    void parse_bundleIdAndChannel_isThatChannel() throws Exception {
        assertThat(Scopes.parse("com.example.app:beta")).isEqualTo(new AppScope("com.example.app", "beta"));
    }

    @Test
    void parse_upperCaseChannel_isRefused() {
        assertThatThrownBy(() -> Scopes.parse("com.example.app:Beta")).isInstanceOf(InvalidInputException.class)
                .hasMessage("\"com.example.app:Beta\" is neither a build id (20 characters, a-z 2-7) nor APP[:CHANNEL] "
                        + "(a bundle id such as com.example.app, and a channel such as beta)");
    }

    @Test
    void describe_eachScope_namesIt() throws Exception {
        assertThat(Scopes.describe(Scopes.parse("dqj2q5cxgv3adsyufere"))).isEqualTo("build dqj2q5cxgv3adsyufere");
        assertThat(Scopes.describe(Scopes.parse("com.example.app"))).isEqualTo("app com.example.app");
        assertThat(Scopes.describe(Scopes.parse("com.example.app:beta"))).isEqualTo("channel beta of app com.example.app");
    }
}

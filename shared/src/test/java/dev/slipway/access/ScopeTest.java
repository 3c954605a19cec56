package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void covers_buildScope_onlyThatBuildWhateverItsApp() {
        Scope scope = new BuildScope("b1");

        assertThat(scope.covers("b1", "com.example.app", "beta")).isTrue();
        assertThat(scope.covers("b1", "com.other", null)).isTrue();
        assertThat(scope.covers("b2", "com.example.app", "beta")).isFalse();
    }

    @Test
    void covers_appChannelScope_onlyBuildsOfThatAppOnThatChannel() {
        Scope scope = new AppScope("com.example.app", "beta");

        assertThat(scope.covers("b1", "com.example.app", "beta")).isTrue();
        assertThat(scope.covers("b1", "com.example.app", "prod")).isFalse();
        assertThat(scope.covers("b1", "com.example.app", null)).isFalse();
        assertThat(scope.covers("b1", "com.example.app.widget", "beta")).isFalse();
    }

    @Test
    void covers_appScopeForEveryChannel_everyBuildOfThatAppOnly() {
        Scope scope = AppScope.allChannels("com.example.app");

        assertThat(scope.covers("b1", "com.example.app", "beta")).isTrue();
        assertThat(scope.covers("b2", "com.example.app", null)).isTrue();
        assertThat(scope.covers("b3", "com.example", "beta")).isFalse();
    }

    @Test
    void new_emptyIds_areRefused() {
        assertThatThrownBy(() -> new BuildScope("")).hasMessage("build id is empty");
        assertThatThrownBy(() -> new AppScope("", "beta")).hasMessage("bundle id is empty");
        assertThatThrownBy(() -> new AppScope("com.example.app", ""))
                .hasMessage("channel is empty (use null for every channel)");
        assertThatThrownBy(() -> new BuildScope(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toString_controlCharactersAndQuotes_areEscapedOntoOneLine() {
        assertThat(new BuildScope("b1\n\"x\"\\")).hasToString("build \"b1\\u000a\\\"x\\\"\\\\\"");
        assertThat(new AppScope("com.example|é", "beta")).hasToString("app \"com.example|é\" channel \"beta\"");
        assertThat(AppScope.allChannels("com.example")).hasToString("app \"com.example\" (every channel)");
    }
}

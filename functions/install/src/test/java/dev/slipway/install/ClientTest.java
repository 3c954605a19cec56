package dev.slipway.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who asked, as the request's event line records it. */
class ClientTest {

    @Test
    void of_iosInstaller_isTheInstallerWithModelAndVersion() {
        assertThat(Client.of("com.apple.appstored/1.0 iOS/18.1 model/iPhone16,2 hwp/t8130 build/22B83 (6; dt:310) AMS/1"))
                .isEqualTo(new Client("iPhone", "18.1", "installer"));
        assertThat(Client.of("com.apple.appstored/1.0 iOS/17.4.1 model/iPad13,16 hwp/t8103 build/21E236 (5; dt:280)"))
                .isEqualTo(new Client("iPad", "17.4.1", "installer"));
    }

    @Test
    void of_safariOnIphone_isSafariWithTheIosVersion() {
        assertThat(Client.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1"))
                .isEqualTo(new Client("iPhone", "18.6", "safari"));
    }

    @Test
    void of_desktopOrNothing_isDesktopWithoutVersion() {
        assertThat(Client.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"))
                .isEqualTo(new Client("desktop", null, "desktop"));
        assertThat(Client.of(null)).isEqualTo(new Client("desktop", null, "desktop"));
    }

    @Test
    void logFields_missingVersion_isNullNotOmitted() {
        assertThat(new Client("desktop", null, "desktop").logFields())
                .containsExactly("device", "desktop", "ios", null, "client", "desktop");
    }
}

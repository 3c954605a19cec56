package dev.slipway.install.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.install.page.Visitor.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real user agents, as browsers and apps send them. */
class VisitorTest {

    @ParameterizedTest(name = "{1} {2}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1 | iPhone | 17.4.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 15_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Mobile/15E148 Safari/604.1 | iPhone | 15.6",
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1 | iPad | 16.6",
            "Mozilla/5.0 (iPod touch; CPU iPhone OS 15_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.7 Mobile/15E148 Safari/604.1 | iPod touch | 15.7"})
    void fromUserAgent_iosSafari_safariWithDeviceAndVersion(String userAgent, String device, String version) {
        // when
        Visitor visitor = Visitor.fromUserAgent(userAgent);

        // then
        assertThat(visitor).isEqualTo(new Visitor(Kind.IOS_SAFARI, device, DottedVersion.parse(version), null));
        assertThat(visitor.onIos()).isTrue();
    }

    @Test
    void fromUserAgent_safari26WithFrozenOsToken_takesVersionToken() {
        // given: from iOS 26 on, Safari keeps saying "iPhone OS 18_6" whatever the real version
        String userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1";

        // when
        Visitor visitor = Visitor.fromUserAgent(userAgent);

        // then
        assertThat(visitor.osVersion()).isEqualTo(DottedVersion.parse("26.0"));
        assertThat(visitor.kind()).isEqualTo(Kind.IOS_SAFARI);
    }

    @Test
    void fromUserAgent_safariVersionBehindOsToken_keepsOsTokenWithPatchLevel() {
        // given: "Version/17.4" is Safari's; the OS token carries the patch release
        String userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

        // when / then
        assertThat(Visitor.fromUserAgent(userAgent).osVersion()).hasToString("17.4.1");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0.6312.52 Mobile/15E148 Safari/604.1 | Chrome | 17.4",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/124.0 Mobile/15E148 Safari/605.1.15 | Firefox | 17.4",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/123.2420.56 Mobile/15E148 Safari/605.1.15 | Edge | 17.4",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 10_3_1 like Mac OS X) AppleWebKit/603.1.30 (KHTML, like Gecko) OPiOS/16.0.14.122053 Mobile/14E304 Safari/9537.53 | Opera | 10.3.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 DuckDuckGo/7 Safari/605.1.15 | DuckDuckGo | 17.4"})
    void fromUserAgent_otherIosBrowser_namesIt(String userAgent, String browser, String version) {
        // when
        Visitor visitor = Visitor.fromUserAgent(userAgent);

        // then: the OS token, not Safari's Version/ token, which these browsers copy or leave out
        assertThat(visitor).isEqualTo(new Visitor(Kind.IOS_BROWSER, "iPhone", DottedVersion.parse(version), browser));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/452.0.0.43.110;FBBV/577085493;FBDV/iPhone15,3;FBMD/iPhone;FBSN/iOS;FBSV/17.3.1;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/579326426] | Facebook | 17.3.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/MessengerForiOS;FBAV/450.0.0.34.109;FBBV/570954316;FBDV/iPhone14,2;FBMD/iPhone;FBSN/iOS;FBSV/17.3.1;FBSS/3;FBCR/;FBID/phone;FBLC/en_GB;FBOP/5;FBRV/0] | Messenger | 17.3.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 324.0.4.26.52 (iPhone14,5; iOS 17_4; en_US; en; scale=3.00; 1170x2532; 577210397) | Instagram | 17.4",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.6560 | LinkedIn | 17.2.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.3.0 | LINE | 17.4",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.5 | X | 16.6",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2d) NetType/WIFI Language/zh_CN | WeChat | 17.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/309.0.616685607 Mobile/15E148 Safari/604.1 | the Google app | 17.4"})
    void fromUserAgent_namedInAppBrowser_namesTheApp(String userAgent, String app, String version) {
        // when
        Visitor visitor = Visitor.fromUserAgent(userAgent);

        // then
        assertThat(visitor).isEqualTo(new Visitor(Kind.IOS_IN_APP, "iPhone", DottedVersion.parse(version), app));
    }

    @Test
    void fromUserAgent_bareWebViewWithoutSafariToken_unnamedInApp() {
        // given: what a WKWebView sends when the app does not add to it
        String userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Mobile/15E148";

        // when / then
        assertThat(Visitor.fromUserAgent(userAgent))
                .isEqualTo(new Visitor(Kind.IOS_IN_APP, "iPhone", DottedVersion.parse("17.4"), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Safari on a Mac, and Safari on an iPad in desktop mode (the iPadOS default): the same header
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:124.0) Gecko/20100101 Firefox/124.0",
            // iMessage's link-preview fetcher: a Mac as far as the header says
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0"})
    void fromUserAgent_macintosh_macForTheTouchCheck(String userAgent) {
        assertThat(Visitor.fromUserAgent(userAgent)).isEqualTo(new Visitor(Kind.MAC, null, null, null));
    }

    @Test
    void fromUserAgent_macintoshWithAnIosOnlyBrowserToken_iPadBrowser() {
        // given: the Macintosh form with CriOS, which only Chrome for iOS sends (an iPad asking for
        // desktop sites); a Mac's Chrome says "Chrome/", never "CriOS/"
        String userAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) CriOS/123.0.6312.52 Mobile/15E148 Safari/604.1";

        // when / then
        assertThat(Visitor.fromUserAgent(userAgent)).isEqualTo(new Visitor(Kind.IOS_BROWSER, "iPad", null, "Chrome"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.2420.65",
            "Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
            "curl/8.5.0"})
    void fromUserAgent_computer_desktop(String userAgent) {
        assertThat(Visitor.fromUserAgent(userAgent)).isEqualTo(new Visitor(Kind.DESKTOP, null, null, null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void fromUserAgent_missingHeader_desktop(String userAgent) {
        assertThat(Visitor.fromUserAgent(userAgent)).isEqualTo(new Visitor(Kind.DESKTOP, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
            // Facebook's in-app browser on Android: still Android first
            "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP1A.240305.019.A1; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.119 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/455.0.0.44.88;]"})
    void fromUserAgent_android_android(String userAgent) {
        assertThat(Visitor.fromUserAgent(userAgent)).isEqualTo(new Visitor(Kind.ANDROID, null, null, null));
    }

    @Test
    void fromUserAgent_hugeHeader_readsOnlyTheStart() {
        // given: a real iPhone header followed by 1 MB of padding
        String userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.4 Mobile/15E148 Safari/604.1 " + "x".repeat(1 << 20) + " CriOS/1";

        // when
        Visitor visitor = Visitor.fromUserAgent(userAgent);

        // then: the CriOS token past the cut is not seen
        assertThat(visitor).isEqualTo(new Visitor(Kind.IOS_SAFARI, "iPhone", DottedVersion.parse("17.4"), null));
    }
}

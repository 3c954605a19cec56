package dev.slipway.install.page;

import static dev.slipway.install.page.BuildPages.ANDROID_CHROME;
import static dev.slipway.install.page.BuildPages.IPAD_SAFARI_16;
import static dev.slipway.install.page.BuildPages.IPHONE_CHROME;
import static dev.slipway.install.page.BuildPages.IPHONE_INSTAGRAM;
import static dev.slipway.install.page.BuildPages.IPHONE_SAFARI_15;
import static dev.slipway.install.page.BuildPages.IPHONE_SAFARI_17;
import static dev.slipway.install.page.BuildPages.IPHONE_WEBVIEW;
import static dev.slipway.install.page.BuildPages.MAC_SAFARI;
import static dev.slipway.install.page.BuildPages.NOW;
import static dev.slipway.install.page.BuildPages.WINDOWS_CHROME;
import static dev.slipway.install.page.BuildPages.aBuild;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.install.page.Guidance.Action;
import dev.slipway.install.page.Guidance.Level;
import dev.slipway.install.page.Guidance.Notice;
import dev.slipway.install.page.Verdict.Reason;
import dev.slipway.ipa.Installability.Finding;
import dev.slipway.ipa.Installability.Severity;
import dev.slipway.ipa.profile.DistributionType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuidanceTest {
    private static final Notice REGISTERED_DEVICES = new Notice(Level.INFO, "Registered devices only",
            "This ad hoc build installs only on devices listed in its provisioning profile. If iOS says it can’t "
                    + "install, ask the developer to add your device.");
    private static final Notice DEVELOPER_MODE = new Notice(Level.INFO, "Turn on Developer Mode",
            "On iOS 16 and later the app opens only with Developer Mode on: Settings › Privacy & Security › "
                    + "Developer Mode, then restart when asked.");

    @Test
    void forBuild_adHocOnIos17Safari_installWithDevicesAndDeveloperModeNotes() {
        // given
        BuildPage page = aBuild().seenFrom(IPHONE_SAFARI_17).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.INSTALL);
        assertThat(guidance.notices()).containsExactly(REGISTERED_DEVICES, DEVELOPER_MODE);
        assertThat(guidance.showsInstall()).isTrue();
        assertThat(guidance.showsQr()).isFalse();
        assertThat(guidance.needsTouchCheck()).isFalse();
        assertThat(guidance.texts().installHint()).isEqualTo("Tap Install, then Install again when iOS asks. The app appears "
                + "on your Home Screen and shows its progress there.");
    }

    @Test
    void forBuild_adHocOnIos15_noDeveloperModeNote() {
        // given: Developer Mode does not exist before iOS 16
        BuildPage page = aBuild().minimumOsVersion("15.0").seenFrom(IPHONE_SAFARI_15).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.INSTALL);
        assertThat(guidance.notices()).containsExactly(REGISTERED_DEVICES);
    }

    @Test
    void forBuild_iosOlderThanMinimum_noInstallAndSaysWhich() {
        // given
        BuildPage page = aBuild().minimumOsVersion("16.0").seenFrom(IPHONE_SAFARI_15).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.NONE);
        assertThat(guidance.reasons()).containsExactly(new Reason("os-version", "Needs iOS 16.0 or later",
                "This iPhone has iOS 15.6. Update it in Settings › General › Software Update, then open this page again."));
    }

    @Test
    void forBuild_minimumComparedNumerically_16_7_10IsNewEnoughFor16_7_9() {
        // given: as text, "16.7.10" sorts before "16.7.9"
        String ios16710 = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_7_10 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";
        BuildPage page = aBuild().minimumOsVersion("16.7.9").seenFrom(ios16710).create();

        // when / then
        assertThat(Guidance.forBuild(page, NOW).action()).isEqualTo(Action.INSTALL);
    }

    @Test
    void forBuild_unreadableMinimum_ignoredAndInstalls() {
        // given
        BuildPage page = aBuild().minimumOsVersion("sixteen").seenFrom(IPHONE_SAFARI_15).create();

        // when / then
        assertThat(Guidance.forBuild(page, NOW).action()).isEqualTo(Action.INSTALL);
    }

    @Test
    void forBuild_enterpriseOnSafari_trustStepNamingTheTeam() {
        // given
        Finding enterprise = new Finding(Severity.NOTE, "enterprise", "enterprise build: after installing, trust "
                + "\"Example Ltd\" in Settings › General › VPN & Device Management");
        BuildPage page = aBuild().profileType(DistributionType.ENTERPRISE, enterprise).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.INSTALL);
        assertThat(guidance.notices()).containsExactly(new Notice(Level.INFO, "Trust the developer",
                "After installing, open Settings › General › VPN & Device Management, tap “Example Ltd” and choose "
                        + "Trust. The app opens only after that."));
    }

    @Test
    void forBuild_appStoreSigned_noActionExplainsWhy() {
        // given
        Finding appStore = new Finding(Severity.BLOCKER, "app-store",
                "signed for App Store distribution: iOS installs it only through the App Store or TestFlight");
        BuildPage page = aBuild().profileType(DistributionType.APP_STORE, appStore).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.NONE);
        assertThat(guidance.reasons()).containsExactly(new Reason("app-store", "Signed for the App Store",
                "Signed for App Store distribution: iOS installs it only through the App Store or TestFlight. "
                        + "Ask the developer for an ad hoc, development or enterprise build."));
    }

    @Test
    void forBuild_expiredProfileSeenFromDesktop_noQrAndTheDate() {
        // given: no point carrying a page to a phone that cannot install it
        Finding expired = new Finding(Severity.BLOCKER, "profile-expired", "the provisioning profile expired on 3 Mar 2025");
        BuildPage page = aBuild().findings(BuildPages.DEVICES, expired).seenFrom(WINDOWS_CHROME).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.NONE);
        assertThat(guidance.showsQr()).isFalse();
        assertThat(guidance.reasons()).containsExactly(new Reason("profile-expired", "Provisioning profile expired",
                "The provisioning profile expired on 3 Mar 2025. iOS refuses to install it. Ask the developer to sign it "
                        + "again and upload a new build."));
    }

    @Test
    void forBuild_twoBlockers_bothShownInOrder() {
        // given
        Finding profile = new Finding(Severity.BLOCKER, "profile-expired", "the provisioning profile expired on 3 Mar 2025");
        Finding certificate = new Finding(Severity.BLOCKER, "certificate-expired", "the signing certificate expired on 1 Feb 2025");
        BuildPage page = aBuild().findings(BuildPages.DEVICES, profile, certificate).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.reasons()).extracting(Reason::title)
                .containsExactly("Provisioning profile expired", "Signing certificate expired");
        assertThat(guidance.notices()).isEmpty();
    }

    @Test
    void forBuild_desktop_qrForIphoneOrIpad() {
        // given
        BuildPage page = aBuild().seenFrom(WINDOWS_CHROME).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.QR);
        assertThat(guidance.texts().qrHeading()).isEqualTo("Open this page on your iPhone or iPad");
        assertThat(guidance.texts().qrHint()).isEqualTo("Point the Camera at this code and tap the link that appears.");
        assertThat(guidance.notices()).containsExactly(REGISTERED_DEVICES);
    }

    @Test
    void forBuild_desktopAndIpadOnlyBuild_qrForIpad() {
        // given
        BuildPage page = aBuild().deviceFamilies("iPad").seenFrom(WINDOWS_CHROME).create();

        // when / then
        assertThat(Guidance.forBuild(page, NOW).texts().qrHeading()).isEqualTo("Open this page on your iPad");
    }

    @Test
    void forBuild_android_qrSayingItIsAnIosApp() {
        // given
        BuildPage page = aBuild().deviceFamilies("iPhone").seenFrom(ANDROID_CHROME).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.QR);
        assertThat(guidance.texts().qrHeading()).isEqualTo("This is an app for iPhone");
        assertThat(guidance.texts().qrHint()).isEqualTo("Android can’t install it. Point an iPhone’s camera at this code to "
                + "open the page there.");
    }

    @Test
    void forBuild_mac_installOrQrWithTouchCheck() {
        // given: a Mac, or an iPad in desktop mode
        BuildPage page = aBuild().seenFrom(MAC_SAFARI).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.INSTALL_OR_QR);
        assertThat(guidance.showsInstall()).isTrue();
        assertThat(guidance.showsQr()).isTrue();
        assertThat(guidance.needsTouchCheck()).isTrue();
        assertThat(guidance.notices()).containsExactly(REGISTERED_DEVICES, DEVELOPER_MODE);
    }

    @Test
    void forBuild_instagram_openInSafariNamingTheApp() {
        // given
        BuildPage page = aBuild().seenFrom(IPHONE_INSTAGRAM).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.OPEN_IN_SAFARI);
        assertThat(guidance.showsInstall()).isFalse();
        assertThat(guidance.texts().safariHint()).isEqualTo("Instagram shows pages in its own browser, which can’t install "
                + "apps. Tap Open in Safari, or copy this address into Safari:");
        assertThat(guidance.notices()).containsExactly(REGISTERED_DEVICES);
    }

    @Test
    void forBuild_unnamedWebView_openInSafariForThisApp() {
        // given
        BuildPage page = aBuild().seenFrom(IPHONE_WEBVIEW).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.OPEN_IN_SAFARI);
        assertThat(guidance.texts().safariHint()).startsWith("This app shows pages in its own browser");
    }

    @Test
    void forBuild_chromeOnIos16_openInSafariNamingChrome() {
        // given: before iOS 17 no x-safari-https:// button, only the address to copy
        BuildPage page = aBuild().seenFrom(IPHONE_CHROME.replace("17_4", "16_4")).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.OPEN_IN_SAFARI);
        assertThat(guidance.texts().safariHint()).isEqualTo("iOS installs apps only from Safari, not from Chrome. Copy this "
                + "address and open it in Safari:");
    }

    @Test
    void forBuild_ipadOnlyBuildOnIphone_noInstallButTheQrCodeAndLinkToMoveIt() {
        // given
        BuildPage page = aBuild().deviceFamilies("iPad").create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.action()).isEqualTo(Action.QR);
        assertThat(guidance.showsInstall()).isFalse();
        assertThat(guidance.showsCopyLink()).isTrue();
        assertThat(guidance.texts().qrHeading()).isEqualTo("Open this page on your iPad");
        assertThat(guidance.texts().qrHint()).isEqualTo("Scan this code with the iPad’s camera, or copy the link and send it there.");
        assertThat(guidance.reasons()).containsExactly(new Reason("device-family", "Made for iPad",
                "This build doesn’t run on an iPhone. Open this page on an iPad: scan the code below with it, or copy "
                        + "the link and send it there."));
    }

    @Test
    void forBuild_ipadOnlyAndExpiredOnIphone_deviceReasonFirstAndNothingToMove() {
        // regression: the device-type mismatch hid behind the expiry notice
        Finding expired = new Finding(Severity.BLOCKER, "profile-expired", "the provisioning profile expired on 3 Mar 2025");
        BuildPage page = aBuild().deviceFamilies("iPad").findings(BuildPages.DEVICES, expired).create();

        Guidance guidance = Guidance.forBuild(page, NOW);

        assertThat(guidance.action()).isEqualTo(Action.NONE);
        assertThat(guidance.reasons()).extracting(Reason::code).containsExactly("device-family", "profile-expired");
        assertThat(guidance.verdict().badge()).isEqualTo(Verdict.Badge.NOT_FOR_THIS_DEVICE);
    }

    @Test
    void forBuild_chromeOnIos17_openInSafariButtonAndCopyLink() {
        BuildPage page = aBuild().seenFrom(IPHONE_CHROME).create();

        Guidance guidance = Guidance.forBuild(page, NOW);

        assertThat(guidance.action()).isEqualTo(Action.OPEN_IN_SAFARI);
        assertThat(guidance.safariButton()).isTrue();
        assertThat(guidance.showsCopyLink()).isTrue();
        assertThat(page.safariUrl()).isEqualTo("x-safari-" + BuildPages.PAGE_URL);
        assertThat(guidance.texts().safariHint()).isEqualTo("iOS installs apps only from Safari, not from Chrome. Tap "
                + "Open in Safari, or copy this address into Safari:");
    }

    @Test
    void forBuild_inAppBrowserOnIos16_noSafariButtonOnlyTheAddress() {
        String instagram16 = BuildPages.IPHONE_INSTAGRAM.replace("17_4", "16_6");

        Guidance guidance = Guidance.forBuild(aBuild().seenFrom(instagram16).create(), NOW);

        assertThat(guidance.action()).isEqualTo(Action.OPEN_IN_SAFARI);
        assertThat(guidance.safariButton()).isFalse();
    }

    @Test
    void forBuild_iphoneOnlyBuildOnIpad_installs() {
        // given: iPads run iPhone apps
        BuildPage page = aBuild().deviceFamilies("iPhone").seenFrom(IPAD_SAFARI_16).create();

        // when / then
        assertThat(Guidance.forBuild(page, NOW).action()).isEqualTo(Action.INSTALL);
    }

    @Test
    void forBuild_profileExpiringWithinAWeek_warningBeforeTheNotes() {
        // given
        BuildPage page = aBuild().profileExpiresAt(Instant.parse("2026-11-24T12:00:00Z")).create();

        // when
        Guidance guidance = Guidance.forBuild(page, NOW);

        // then
        assertThat(guidance.notices()).containsExactly(
                new Notice(Level.WARNING, "Profile expires soon", "The provisioning profile expires on 24 Nov 2026. "
                        + "After that the app won’t open until you install a newer build."),
                REGISTERED_DEVICES, DEVELOPER_MODE);
    }

    @Test
    void forBuild_profileExpiringInEightDays_noWarning() {
        // given
        BuildPage page = aBuild().profileExpiresAt(NOW.plus(Guidance.EXPIRY_WARNING).plusSeconds(3600)).create();

        // when / then
        assertThat(Guidance.forBuild(page, NOW).notices()).containsExactly(REGISTERED_DEVICES, DEVELOPER_MODE);
    }

    @Test
    void forBuild_unknownNoteFinding_shownAsASentence() {
        // given: a finding code this page does not know yet
        Finding future = new Finding(Severity.NOTE, "push", "uses push notifications: they arrive only in the production environment");
        BuildPage page = aBuild().profileType(DistributionType.AD_HOC, BuildPages.DEVICES, future).create();

        // when / then
        assertThat(Guidance.forBuild(page, NOW).notices()).contains(new Notice(Level.INFO, "Note",
                "Uses push notifications: they arrive only in the production environment."));
    }

    @Test
    void level_cssClass_namesTheLevel() {
        assertThat(Level.WARNING.cssClass()).isEqualTo("notice notice-warning");
        assertThat(Level.INFO.cssClass()).isEqualTo("notice notice-info");
    }
}

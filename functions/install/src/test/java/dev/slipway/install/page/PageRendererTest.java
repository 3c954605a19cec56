package dev.slipway.install.page;

import static dev.slipway.install.page.BuildPages.INSTALL_LINK;
import static dev.slipway.install.page.BuildPages.IPHONE_INSTAGRAM;
import static dev.slipway.install.page.BuildPages.MAC_SAFARI;
import static dev.slipway.install.page.BuildPages.NOW;
import static dev.slipway.install.page.BuildPages.PAGE_URL;
import static dev.slipway.install.page.BuildPages.WINDOWS_CHROME;
import static dev.slipway.install.page.BuildPages.aBuild;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ipa.Installability.Finding;
import dev.slipway.ipa.Installability.Severity;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

class PageRendererTest {
    /** Everything that breaks out of an element, an attribute, or the title. */
    private static final String HOSTILE = "<script>alert(1)</script>\"'&</title>";
    private static final Pattern ANCHOR = Pattern.compile("<a\\b[^>]*>");
    private static final Pattern INSTALL_ANCHOR = Pattern.compile("<a class=\"button\" href=\"([^\"]*)\">Install</a>");

    private final PageRenderer renderer = new PageRenderer(TemplateEngine.createPrecompiled(ContentType.Html),
            Assets.fromClasspath(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void build_iphoneSafari_exactlyOneInstallLinkWithTheLinkHtmlEscaped() {
        // given
        String expectedAttribute = "itms-services://?action=download-manifest&amp;url="
                + "https%3A%2F%2Finstall.example.com%2Fm%2F01JD5S7Q.plist%3Ft%3Dv1.k2.Xq3L%26build%3D512";

        // when
        String page = renderer.build(aBuild().create());

        // then: in the source, the link's & is &amp; (HTML's layer) and the manifest URL is
        // percent-encoded as a whole, its own & as %26 (the link's layer)
        Matcher install = INSTALL_ANCHOR.matcher(page);
        assertThat(install.find()).isTrue();
        assertThat(install.group(1)).isEqualTo(expectedAttribute).contains("&amp;url=");
        assertThat(install.find()).isFalse();
        assertThat(page).doesNotContain("&url=").doesNotContain("&amp;amp;");
        // and a parser reads the attribute back as the raw link
        Html html = Html.parse(page);
        assertThat(html.all("//a[contains(@href, 'itms-services:')]")).hasSize(1);
        assertThat(html.one("//a[normalize-space()='Install']").getAttribute("href")).isEqualTo(INSTALL_LINK);
    }

    @Test
    void build_hostileAppName_onlyEverEscaped() {
        // given
        BuildPage build = aBuild().appName(HOSTILE).iconUrl("https://cdn.example.com/icon.png").create();

        // when
        String page = renderer.build(build);

        // then
        assertThat(page).doesNotContain("<script>alert").doesNotContain("\"'&</title>").doesNotContain("'&<");
        assertThat(page).contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;\"'&amp;&lt;/title&gt; 2.4.1 (512)</title>");
        assertThat(page).contains("alt=\"&lt;script>alert(1)&lt;/script>&#34;&#39;&amp;&lt;/title> icon\"");
        Html html = Html.parse(page);
        assertThat(html.text("/html/head/title")).isEqualTo(HOSTILE + " 2.4.1 (512)");
        assertThat(html.text("//h1")).isEqualTo(HOSTILE);
        assertThat(html.one("//img[@class='icon']").getAttribute("alt")).isEqualTo(HOSTILE + " icon");
        assertThat(html.all("//script")).isEmpty();
    }

    @Test
    void build_hostileReleaseNotes_textStaysTextAndOnlyHttpsLinks() {
        // given
        String notes = "Fixed <b>bold</b> & \"quotes\" 'here' </title>\n<script>alert(2)</script>\n"
                + "javascript:alert(3) [x](javascript:alert(5)) data:text/html,<script>alert(4)</script>\n"
                + "https://example.com/a?b=1&c=2";

        // when
        String page = renderer.build(aBuild().releaseNotes(notes).create());

        // then
        Html html = Html.parse(page);
        assertThat(html.text("//div[@class='release-notes']")).contains("Fixed <b>bold</b> & \"quotes\" 'here' </title>")
                .contains("<script>alert(2)</script>").contains("[x](javascript:alert(5))");
        List<Element> links = html.all("//div[@class='release-notes']//a");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getAttribute("href")).isEqualTo("https://example.com/a?b=1&c=2");
        assertThat(links.get(0).getAttribute("rel")).isEqualTo("noopener noreferrer nofollow");
        assertThat(page).doesNotContain("<b>bold").doesNotContain("<script>alert").doesNotContain("href=\"javascript");
        assertThat(html.all("//div[@class='release-notes']//*[not(self::p or self::br or self::a)]")).isEmpty();
    }

    @Test
    void build_markdownReleaseNotes_paragraphsListsEmphasisCodeAndLinks() {
        // given
        String notes = "What's new in **2.4.1**\nsecond line\n\n- Sync is *faster*\n- New `--flag`\n\n"
                + "1. Open [the guide](https://example.com/guide)\n2. Done";

        // when
        Html html = Html.parse(renderer.build(aBuild().releaseNotes(notes).create()));

        // then
        assertThat(html.text("//div[@class='release-notes']/p[1]/strong")).isEqualTo("2.4.1");
        assertThat(html.all("//div[@class='release-notes']/p[1]/br")).hasSize(1);
        assertThat(html.all("//div[@class='release-notes']/ul/li")).extracting(Element::getTextContent)
                .containsExactly("Sync is faster", "New --flag");
        assertThat(html.text("//div[@class='release-notes']/ul/li[1]/em")).isEqualTo("faster");
        assertThat(html.text("//div[@class='release-notes']/ul/li[2]/code")).isEqualTo("--flag");
        assertThat(html.one("//div[@class='release-notes']/ol").getAttribute("start")).isEqualTo("1");
        assertThat(html.one("//div[@class='release-notes']/ol/li[1]/a").getAttribute("href"))
                .isEqualTo("https://example.com/guide");
        assertThat(html.text("//div[@class='release-notes']/ol/li[1]/a")).isEqualTo("the guide");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPage")
    void anyPage_strictCsp_noStyleAttributesNoInlineScriptsNoHandlers(String name, String page) {
        // given: the CSP allows styles and scripts only from files on our own origin

        // then
        assertThat(page).doesNotContainPattern("(?i)\\sstyle\\s*=").doesNotContainPattern("(?i)<style");
        assertThat(page).doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
        Matcher script = Pattern.compile("(?i)<script\\b[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(page);
        while (script.find()) {
            assertThat(script.group()).matches("<script src=\"/assets/(touch|copy)\\.[0-9a-f]{12}\\.js\"></script>");
        }
        assertThat(page).doesNotContain("javascript:");
        Html html = Html.parse(page);
        assertThat(html.one("/html").getAttribute("lang")).isEqualTo("en");
        assertThat(html.all("//main")).hasSize(1);
        // error pages carry no footer: there is no link worth keeping private
        assertThat(html.all("//footer")).hasSize(name.equals("error") ? 0 : 1);
        assertThat(html.all("//h1")).hasSize(1);
        assertThat(html.one("//link[@rel='stylesheet']").getAttribute("href"))
                .isEqualTo(renderer.assets().path(Assets.STYLESHEET));
        assertThat(html.one("//meta[@name='referrer']").getAttribute("content")).isEqualTo("no-referrer");
        assertThat(html.one("//meta[@name='viewport']").getAttribute("content")).startsWith("width=device-width");
        for (Element image : html.all("//img")) {
            assertThat(image.getAttribute("alt")).isNotBlank();
            assertThat(image.getAttribute("width")).isNotEmpty(); // reserved space: no layout shift
            assertThat(image.getAttribute("height")).isNotEmpty();
        }
        for (Element anchor : html.all("//a[@href]")) {
            // x-safari-https:// opens the same https page in Safari
            assertThat(anchor.getAttribute("href")).matches("(https://|itms-services://|x-safari-https://).*");
        }
    }

    static Stream<Object[]> everyPage() {
        PageRenderer renderer = new PageRenderer();
        Finding expired = new Finding(Severity.BLOCKER, "profile-expired", "the provisioning profile expired on 3 Mar 2025");
        return Stream.of(
                new Object[] {"iPhone Safari", renderer.build(aBuild().iconUrl("https://cdn.example.com/i.png").create())},
                new Object[] {"Mac (touch check)", renderer.build(aBuild().seenFrom(MAC_SAFARI).create())},
                new Object[] {"desktop (QR)", renderer.build(aBuild().seenFrom(WINDOWS_CHROME).create())},
                new Object[] {"Instagram", renderer.build(aBuild().seenFrom(IPHONE_INSTAGRAM).create())},
                new Object[] {"blocked", renderer.build(aBuild().findings(expired).create())},
                new Object[] {"hostile", renderer.build(aBuild().appName(HOSTILE).releaseNotes(HOSTILE).create())},
                new Object[] {"app", renderer.app(app(HOSTILE))},
                new Object[] {"failure", renderer.failure(new FailurePage(HOSTILE + ".ipa", HOSTILE, NOW))},
                new Object[] {"error", renderer.error(ErrorPage.notFound())});
    }

    @Test
    void build_desktop_qrCodeOfThePageUrlAndNoInstallLink() {
        // when
        String page = renderer.build(aBuild().seenFrom(WINDOWS_CHROME).create());

        // then
        Html html = Html.parse(page);
        assertThat(html.text("//section[svg]/h2")).isEqualTo("Open this page on your iPhone or iPad");
        Element svg = html.one("//svg[@class='qr']");
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        Matcher markup = Pattern.compile("<svg class=\"qr\".*?</svg>").matcher(page);
        assertThat(markup.find()).isTrue();
        assertThat(QrImages.decode(QrImages.rasterise(markup.group(), 4))).isEqualTo(PAGE_URL);
        assertThat(page).doesNotContain("itms-services");
        assertThat(html.all("//script")).extracting(e -> e.getAttribute("src"))
                .containsExactly(renderer.assets().path(Assets.COPY_SCRIPT));
        Element copy = html.one("//button[@data-copy]");
        assertThat(copy.getAttribute("data-copy")).isEqualTo(PAGE_URL);
        assertThat(copy.getAttribute("hidden")).isEqualTo("hidden"); // shown by the script, where the clipboard works
    }

    @Test
    void build_mac_installAndQrSectionsAndTheTouchScript() {
        // when
        String page = renderer.build(aBuild().seenFrom(MAC_SAFARI).create());

        // then
        Html html = Html.parse(page);
        assertThat(html.all("/html/head/script")).extracting(e -> e.getAttribute("src"))
                .containsExactly(renderer.assets().path(Assets.TOUCH_SCRIPT), renderer.assets().path(Assets.COPY_SCRIPT));
        assertThat(html.one("//section[.//a[@class='button']]").getAttribute("class")).isEqualTo("panel if-touch");
        assertThat(html.one("//section[svg]").getAttribute("class")).isEqualTo("panel if-no-touch");
        assertThat(html.one("//a[@class='button']").getAttribute("href")).isEqualTo(INSTALL_LINK);
    }

    @Test
    void build_inAppBrowser_pageAddressToCopyAndNoInstallLink() {
        // when
        String page = renderer.build(aBuild().seenFrom(IPHONE_INSTAGRAM).create());

        // then
        Html html = Html.parse(page);
        assertThat(html.text("//h2[@id='safari-title']")).isEqualTo("Open this page in Safari");
        assertThat(html.text("//p[@class='url']")).isEqualTo(PAGE_URL);
        assertThat(page).doesNotContain("itms-services").doesNotContain("<svg");
    }

    @Test
    void build_expiredProfile_noLinkAndTheReasonWithItsDate() {
        // given
        Finding expired = new Finding(Severity.BLOCKER, "profile-expired", "the provisioning profile expired on 3 Mar 2025");

        // when
        String page = renderer.build(aBuild().findings(BuildPages.DEVICES, expired).create());

        // then
        Html html = Html.parse(page);
        assertThat(page).doesNotContain("itms-services");
        assertThat(html.text("//section[@class='card cant-install']/h2")).isEqualTo("Can’t be installed on this iPhone");
        assertThat(html.all("//section[@class='card cant-install']//li")).extracting(Element::getTextContent)
                .containsExactly("Provisioning profile expired. The provisioning profile expired on 3 Mar 2025. iOS "
                        + "refuses to install it. Ask the developer to sign it again and upload a new build.");
        assertThat(html.all("//section[contains(@class, 'notice')]")).isEmpty();
    }

    @Test
    void build_details_everyFactInHumanTerms() {
        // when
        Html html = Html.parse(renderer.build(aBuild().create()));

        // then
        List<String> rows = html.all("//dl[@class='details']/div").stream()
                .map(row -> row.getElementsByTagName("dt").item(0).getTextContent() + ": "
                        + row.getElementsByTagName("dd").item(0).getTextContent())
                .toList();
        assertThat(rows).containsExactly(
                "Version: 2.4.1 (512)",
                "Size: 48.2 MB",
                "Uploaded: 20 Nov 2026, 14:05 UTC",
                "Channel: beta",
                "Requires: iOS 16.0 or later",
                "Devices: iPhone and iPad",
                "Distribution: Ad hoc",
                "Profile expires: 1 Mar 2027",
                "Team: Example Ltd",
                "Bundle ID: com.example.harbour");
        assertThat(html.text("//p[@class='version']")).isEqualTo("Version 2.4.1 (512)");
        assertThat(html.one("//p[@class='meta']/time").getAttribute("datetime")).isEqualTo("2026-11-20T14:05:00Z");
    }

    @Test
    void build_noIcon_letteredPlaceholderHiddenFromScreenReaders() {
        // when
        Html html = Html.parse(renderer.build(aBuild().appName("harbour").create()));

        // then
        Element placeholder = html.one("//div[@class='icon icon-placeholder']");
        assertThat(placeholder.getTextContent()).isEqualTo("H");
        assertThat(placeholder.getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(html.all("//img")).isEmpty();
    }

    @Test
    void build_icon_imageWithSizeAndAlt() {
        // when
        Html html = Html.parse(renderer.build(aBuild().iconUrl("https://cdn.example.com/icon.png?v=1&s=2").create()));

        // then
        Element icon = html.one("//img[@class='icon']");
        assertThat(icon.getAttribute("src")).isEqualTo("https://cdn.example.com/icon.png?v=1&s=2");
        assertThat(icon.getAttribute("alt")).isEqualTo("Harbour icon");
        assertThat(icon.getAttribute("width")).isEqualTo("96");
        assertThat(icon.getAttribute("height")).isEqualTo("96");
    }

    @Test
    void app_channelsAndHistory_rowsWithBadgesTimesAndInstallButtons() {
        // when
        Html html = Html.parse(renderer.app(app("Harbour")));

        // then
        assertThat(html.text("//h1")).isEqualTo("Harbour");
        assertThat(html.all("//section[@aria-labelledby='latest-title']//a[@class='row']")).extracting(a -> a.getAttribute("href"))
                .containsExactly("https://install.example.com/b/3?t=x", "https://install.example.com/b/2?t=x");
        assertThat(html.text("//h2[@id='history-title']")).isEqualTo("All builds");
        assertThat(html.all("//section[@aria-labelledby='history-title']//a[@class='row']")).extracting(a -> a.getTextContent())
                .containsExactly("2.5.0 (520) Installablebeta 49.1 MB · 21 Nov 2026, 08:00 UTC",
                        "2.4.1 (512) App Store–signedproduction 48.2 MB · 20 Nov 2026, 14:05 UTC",
                        "2.4.0 (501) Expiredbeta 2.0 MB · 1 Nov 2026, 10:00 UTC");
        assertThat(html.all("//section[@aria-labelledby='history-title']//li")).extracting(li -> li.getAttribute("class"))
                .containsExactly("build", "build unavailable", "build unavailable");
        // one Install button, for the installable build, with its own manifest link
        List<Element> installs = html.all("//section[@aria-labelledby='history-title']//a[contains(@class, 'button')]");
        assertThat(installs).extracting(a -> a.getAttribute("href")).containsExactly(INSTALL_LINK);
        assertThat(installs.get(0).getAttribute("aria-label")).isEqualTo("Install 2.5.0 (520)");
    }

    @Test
    void app_oneChannel_noSeparateLatestList() {
        // when
        AppPage.BuildRow only = row("2.5.0", "520", "beta", Verdict.Badge.INSTALLABLE, INSTALL_LINK);
        Html html = Html.parse(renderer.app(new AppPage(new AppPage.App("Harbour", "com.example.harbour", null),
                List.of(only), List.of(only), null, false)));

        // then
        assertThat(html.all("//section[@aria-labelledby='latest-title']")).isEmpty();
        assertThat(html.text("//h2[@id='history-title']")).isEqualTo("Builds");
        assertThat(html.all("//li[contains(@class, 'build')]")).hasSize(1);
    }

    @Test
    void app_touchCheck_installButtonsWaitForIt() {
        AppPage.BuildRow only = row("2.5.0", "520", "beta", Verdict.Badge.INSTALLABLE, INSTALL_LINK);
        Html html = Html.parse(renderer.app(new AppPage(new AppPage.App("Harbour", "com.example.harbour", null),
                List.of(only), List.of(only), null, true)));

        assertThat(html.one("//a[contains(@class, 'button')]").getAttribute("class")).isEqualTo("button button-small if-touch");
        assertThat(html.one("/html/head/script").getAttribute("src")).isEqualTo(renderer.assets().path(Assets.TOUCH_SCRIPT));
    }

    @Test
    void app_noBuilds_saysSo() {
        // when
        Html html = Html.parse(renderer.app(new AppPage(new AppPage.App("Harbour", "com.example.harbour", null), List.of(),
                List.of(), null, false)));

        // then
        assertThat(html.text("//li[@class='empty']")).isEqualTo("No builds yet.");
    }

    @Test
    void failure_rejectedUpload_fileAndReason() {
        // when
        Html html = Html.parse(renderer.failure(new FailurePage("Harbour.ipa",
                "no embedded.mobileprovision: the app is not signed for any device", NOW)));

        // then
        assertThat(html.text("/html/head/title")).isEqualTo("Harbour.ipa was not published");
        assertThat(html.text("//h1")).isEqualTo("This upload was not published");
        assertThat(html.text("//section[@class='notice notice-blocker']/p"))
                .isEqualTo("No embedded.mobileprovision: the app is not signed for any device.");
    }

    @Test
    void error_notFound_friendlyAndTheSameForEveryCause() {
        // when
        Html html = Html.parse(renderer.error(ErrorPage.notFound()));

        // then
        assertThat(html.all("//p[@class='status']")).isEmpty();
        assertThat(html.one("/html/body").getTextContent()).doesNotContainIgnoringCase("error").doesNotContain("404");
        assertThat(html.all("//footer")).isEmpty();
        assertThat(html.text("//h1")).isEqualTo("This link doesn’t work");
        assertThat(html.text("//main/p[@class='aside']"))
                .isEqualTo("It may be mistyped, or it was revoked. Ask whoever sent it for a new link.");
    }

    @Test
    void error_expiredAndServerError_theirStatusAndTitle() {
        assertThat(Html.parse(renderer.error(ErrorPage.expired())).text("//h1")).isEqualTo("This link has expired");
        assertThat(Html.parse(renderer.error(ErrorPage.serverError())).text("//h1")).isEqualTo("Something went wrong");
    }

    private static AppPage app(String name) {
        AppPage.BuildRow newest = row("2.5.0", "520", "beta", Verdict.Badge.INSTALLABLE, INSTALL_LINK);
        AppPage.BuildRow production = new AppPage.BuildRow(new AppPage.Build("2.4.1", "512", "production",
                Instant.parse("2026-11-20T14:05:00Z"), 48_200_000L), Verdict.Badge.APP_STORE,
                "https://install.example.com/b/2?t=x", null);
        AppPage.BuildRow old = new AppPage.BuildRow(new AppPage.Build("2.4.0", "501", "beta",
                Instant.parse("2026-11-01T10:00:00Z"), 2_000_000L), Verdict.Badge.EXPIRED,
                "https://install.example.com/b/1?t=x", null);
        return new AppPage(new AppPage.App(name, "com.example.harbour", null), List.of(newest, production),
                List.of(newest, production, old), null, false);
    }

    private static AppPage.BuildRow row(String version, String build, String channel, Verdict.Badge badge, String install) {
        return new AppPage.BuildRow(new AppPage.Build(version, build, channel, Instant.parse("2026-11-21T08:00:00Z"),
                49_100_000L), badge, "https://install.example.com/b/3?t=x", install);
    }
}

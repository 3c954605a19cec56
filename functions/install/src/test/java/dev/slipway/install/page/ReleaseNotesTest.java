package dev.slipway.install.page;

import static dev.slipway.install.page.ReleaseNotes.Segment.link;
import static dev.slipway.install.page.ReleaseNotes.Segment.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.install.page.ReleaseNotes.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseNotesTest {

    @Test
    void segments_textWithLinks_alternatesTextAndLinks() {
        // given
        String notes = "Fixed login.\nDetails: https://example.com/issues/42 and http://wiki.example.com/x?a=1&b=2\nThanks!";

        // when
        List<Segment> segments = ReleaseNotes.segments(notes);

        // then
        assertThat(segments).containsExactly(
                text("Fixed login.\nDetails: "),
                link("https://example.com/issues/42"),
                text(" and "),
                link("http://wiki.example.com/x?a=1&b=2"),
                text("\nThanks!"));
    }

    @Test
    void segments_markupAndQuotes_stayTextCharacterForCharacter() {
        // given: everything that would break out of an element, an attribute or the title
        String notes = "<script>alert(1)</script> \"quoted\" 'single' & </title><b>bold</b>";

        // when
        List<Segment> segments = ReleaseNotes.segments(notes);

        // then: untouched here; the template escapes it
        assertThat(segments).containsExactly(text(notes));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(document.cookie)",
            "JavaScript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ftp://example.com/file",
            "//example.com/protocol-relative",
            "https:///no-host",
            "https://"})
    void segments_otherSchemesAndBrokenUrls_stayText(String notes) {
        assertThat(ReleaseNotes.segments(notes)).containsExactly(text(notes));
    }

    @Test
    void segments_quoteAfterUrl_endsTheLinkSoNoAttributeCanBeForged() {
        // given: an attempt to add an event handler after the URL
        String notes = "https://example.com/\"onmouseover=\"alert(1)";

        // when
        List<Segment> segments = ReleaseNotes.segments(notes);

        // then
        assertThat(segments).containsExactly(link("https://example.com/"), text("\"onmouseover=\"alert(1)"));
    }

    @Test
    void segments_angleBracketsAroundUrl_linkOnlyTheAddress() {
        assertThat(ReleaseNotes.segments("<https://example.com/a>"))
                .containsExactly(text("<"), link("https://example.com/a"), text(">"));
    }

    @Test
    void segments_sentencePunctuationAfterUrl_notPartOfTheLink() {
        assertThat(ReleaseNotes.segments("See https://example.com/notes. Or https://example.com/faq, https://example.com/x!"))
                .containsExactly(
                        text("See "), link("https://example.com/notes"), text(". Or "),
                        link("https://example.com/faq"), text(", "), link("https://example.com/x"), text("!"));
    }

    @Test
    void segments_urlInParentheses_closingParenthesisIsText() {
        assertThat(ReleaseNotes.segments("(see https://example.com/notes)"))
                .containsExactly(text("(see "), link("https://example.com/notes"), text(")"));
    }

    @Test
    void segments_balancedParenthesesInUrl_keepsThem() {
        assertThat(ReleaseNotes.segments("https://en.wikipedia.org/wiki/Swift_(programming_language)"))
                .containsExactly(link("https://en.wikipedia.org/wiki/Swift_(programming_language)"));
    }

    @Test
    void segments_upperCaseScheme_isALink() {
        assertThat(ReleaseNotes.segments("HTTPS://EXAMPLE.COM/A")).containsExactly(link("HTTPS://EXAMPLE.COM/A"));
    }

    @Test
    void segments_windowsLineEndingsAndOuterBlankLines_normalised() {
        assertThat(ReleaseNotes.segments("\r\n  First\r\nSecond\rThird  \n\n")).containsExactly(text("First\nSecond\nThird"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\n"})
    void segments_nothingToShow_empty(String notes) {
        assertThat(ReleaseNotes.segments(notes)).isEmpty();
    }

    @Test
    void segments_longerThanTheCap_cutWithEllipsis() {
        // given
        String notes = "a".repeat(ReleaseNotes.MAX_LENGTH + 500);

        // when
        List<Segment> segments = ReleaseNotes.segments(notes);

        // then
        assertThat(segments).containsExactly(text("a".repeat(ReleaseNotes.MAX_LENGTH) + "…"));
    }

    @Test
    void segments_cutFallsInsideASurrogatePair_keepsTheCharacterWhole() {
        // given: an emoji (two chars) straddling the cap
        String notes = "a".repeat(ReleaseNotes.MAX_LENGTH - 1) + "🚀" + "tail";

        // when
        String shown = ReleaseNotes.segments(notes).get(0).text();

        // then
        assertThat(shown).isEqualTo("a".repeat(ReleaseNotes.MAX_LENGTH - 1) + "…");
    }

    @Test
    void segment_isLink_trueOnlyForLinks() {
        assertThat(link("https://example.com").isLink()).isTrue();
        assertThat(text("https://example.com").isLink()).isFalse();
    }
}

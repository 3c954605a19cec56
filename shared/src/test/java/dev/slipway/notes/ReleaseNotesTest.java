package dev.slipway.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.notes.ReleaseNotes.Block;
import dev.slipway.notes.ReleaseNotes.Kind;
import dev.slipway.notes.ReleaseNotes.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseNotesTest {
    private static Span text(String text) {
        return new Span(text, false, false, false, null, false);
    }

    private static Span bold(String text) {
        return new Span(text, true, false, false, null, false);
    }

    private static Span italic(String text) {
        return new Span(text, false, true, false, null, false);
    }

    private static Span code(String text) {
        return new Span(text, false, false, true, null, false);
    }

    private static Span link(String text, String href) {
        return new Span(text, false, false, false, href, false);
    }

    private static Span link(String url) {
        return link(url, url);
    }

    private static final Span BR = new Span("", false, false, false, null, true);

    private static List<Span> paragraph(String notes) {
        List<Block> blocks = ReleaseNotes.parse(notes).blocks();
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).kind()).isEqualTo(Kind.PARAGRAPH);
        return blocks.get(0).spans();
    }

    @Test
    void parse_linesAndBlankLines_paragraphsWithLineBreaks() {
        List<Block> blocks = ReleaseNotes.parse("First line\nsecond line\n\nNext paragraph").blocks();

        assertThat(blocks).extracting(Block::kind).containsExactly(Kind.PARAGRAPH, Kind.PARAGRAPH);
        assertThat(blocks.get(0).spans()).containsExactly(text("First line"), BR, text("second line"));
        assertThat(blocks.get(1).spans()).containsExactly(text("Next paragraph"));
    }

    @Test
    void parse_bulletsAndNumbers_lists() {
        List<Block> blocks = ReleaseNotes.parse("What's new:\n- one\n* two\n  continued\n• three\n\n3. third\n4) fourth").blocks();

        assertThat(blocks).extracting(Block::kind).containsExactly(Kind.PARAGRAPH, Kind.BULLETS, Kind.NUMBERED);
        assertThat(blocks.get(1).items()).containsExactly(List.of(text("one")), List.of(text("two continued")),
                List.of(text("three")));
        assertThat(blocks.get(2).start()).isEqualTo(3);
        assertThat(blocks.get(2).items()).containsExactly(List.of(text("third")), List.of(text("fourth")));
    }

    @Test
    void parse_emphasisAndCode_styledSpans() {
        assertThat(paragraph("Now **much** faster, *really*, with `--flag` and __also__ _this_"))
                .containsExactly(text("Now "), bold("much"), text(" faster, "), italic("really"), text(", with "),
                        code("--flag"), text(" and "), bold("also"), text(" "), italic("this"));
    }

    @Test
    void parse_snakeCaseAndLoneStars_stayText() {
        assertThat(paragraph("use snake_case_names and 2 * 3 * 4 and **unclosed"))
                .containsExactly(text("use snake_case_names and 2 * 3 * 4 and **unclosed"));
    }

    @Test
    void parse_markdownLinkWithHttps_isALinkWithItsText() {
        assertThat(paragraph("See [the **issue**](https://example.com/i/42) now"))
                .containsExactly(text("See "), link("the ", "https://example.com/i/42"),
                        new Span("issue", true, false, false, "https://example.com/i/42", false), text(" now"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox(1))",
            "[x](//example.com/protocol-relative)",
            "[x](https:///no-host)",
            "[x](ftp://example.com/file)"})
    void parse_linkToOtherSchemes_staysText(String notes) {
        List<Span> spans = paragraph(notes);

        assertThat(spans).noneMatch(Span::isLink);
        assertThat(spans.stream().map(Span::text).reduce("", String::concat)).isEqualTo(notes);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)>",
            "\"'&</title><b>bold</b>",
            "javascript:alert(3)",
            "<a href=\"https://evil.example\">x</a>"})
    void parse_html_staysTextCharacterForCharacter(String notes) {
        assertThat(paragraph(notes)).allMatch(s -> !s.isLink() || s.href().startsWith("https://evil.example"))
                .extracting(Span::text).containsExactly(paragraph(notes).stream().map(Span::text).toArray(String[]::new));
        assertThat(paragraph(notes).stream().map(Span::text).reduce("", String::concat)).isEqualTo(notes);
    }

    @Test
    void parse_quoteAfterUrl_endsTheLinkSoNoAttributeCanBeForged() {
        assertThat(paragraph("https://example.com/\"onmouseover=\"alert(1)"))
                .containsExactly(link("https://example.com/"), text("\"onmouseover=\"alert(1)"));
    }

    @Test
    void parse_sentencePunctuationAndParentheses_notPartOfBareUrls() {
        assertThat(paragraph("See https://example.com/notes. (or https://example.com/faq) https://en.wikipedia.org/wiki/Swift_(language)!"))
                .containsExactly(text("See "), link("https://example.com/notes"), text(". (or "),
                        link("https://example.com/faq"), text(") "), link("https://en.wikipedia.org/wiki/Swift_(language)"),
                        text("!"));
    }

    @Test
    void parse_backslash_escapesAMarker() {
        assertThat(paragraph("not \\*italic\\*")).containsExactly(text("not *italic*"));
    }

    @Test
    void parse_windowsLineEndingsAndOuterBlankLines_normalised() {
        assertThat(paragraph("\r\n  First\r\nSecond\rThird  \n\n")).containsExactly(text("First"), BR, text("Second"), BR,
                text("Third"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\n"})
    void parse_nothingToShow_empty(String notes) {
        assertThat(ReleaseNotes.parse(notes).isEmpty()).isTrue();
        assertThat(ReleaseNotes.plainText(notes)).isEmpty();
    }

    @Test
    void parse_longerThanTheCap_cutWithEllipsis() {
        assertThat(paragraph("a".repeat(ReleaseNotes.MAX_LENGTH + 500)))
                .containsExactly(text("a".repeat(ReleaseNotes.MAX_LENGTH) + "…"));
    }

    @Test
    void parse_hostileNestingAndUnclosedMarkers_isQuickAndKeepsEveryCharacter() {
        // given: thousands of openers that never close, which a naive parser rescans per opener
        String notes = "**[`*_".repeat(3000);

        // when
        long started = System.nanoTime();
        List<Span> spans = paragraph(notes);
        long millis = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(millis).isLessThan(2000);
        assertThat(spans).isNotEmpty().noneMatch(Span::isLink);
    }

    @Test
    void parse_openersThatNeverClose_keepEveryCharacter() {
        String notes = "[a link without target](, **bold without end, `code without end, _and this";

        assertThat(paragraph(notes)).containsExactly(text(notes));
    }

    @Test
    void plainText_markdown_isReadableText() {
        String notes = "Faster **sync**.\nSee [issue 42](https://example.com/42) or https://example.com/faq\n\n"
                + "- one *thing*\n- `two`\n\n2. second\n3. third";

        assertThat(ReleaseNotes.plainText(notes)).isEqualTo("Faster sync.\nSee issue 42 (https://example.com/42) or "
                + "https://example.com/faq\n\n• one thing\n• two\n\n2. second\n3. third");
    }
}

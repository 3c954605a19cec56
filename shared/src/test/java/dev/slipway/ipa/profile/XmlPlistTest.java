package dev.slipway.ipa.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XmlPlistTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC "
            + "\"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n";

    private static Object parse(String xml) throws Exception {
        return XmlPlist.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parse_everyValueType_givesPlainValues() throws Exception {
        // given
        String xml = HEAD + "<plist version=\"1.0\">\n<dict>\n"
                + "  <key>s</key><string>a &lt;b&gt; &amp; &#x263A; &#65;<![CDATA[<raw>]]><!-- c --></string>\n"
                + "  <key>empty</key><string/>\n"
                + "  <key>i</key><integer> -42 </integer>\n"
                + "  <key>big</key><integer>18446744073709551616</integer>\n"
                + "  <key>r</key><real>1.5</real>\n"
                + "  <key>t</key><true/><key>f</key><false/>\n"
                + "  <key>d</key><date>2019-06-20T11:47:07Z</date>\n"
                + "  <key>data</key><data>\n  AAEC\n  /w==\n</data>\n"
                + "  <key>a</key><array><string>x</string><array/><dict/></array>\n"
                + "</dict>\n</plist>\n";

        // when
        Map<?, ?> root = (Map<?, ?>) parse(xml);

        // then
        assertThat(root.get("s")).isEqualTo("a <b> & \u263A A<raw>");
        assertThat(root.get("empty")).isEqualTo("");
        assertThat(root.get("i")).isEqualTo(-42L);
        assertThat(root.get("big")).isEqualTo(BigInteger.TWO.pow(64));
        assertThat(root.get("r")).isEqualTo(1.5);
        assertThat(root.get("t")).isEqualTo(true);
        assertThat(root.get("f")).isEqualTo(false);
        assertThat(root.get("d")).isEqualTo(Instant.parse("2019-06-20T11:47:07Z"));
        assertThat((byte[]) root.get("data")).containsExactly(0, 1, 2, 0xFF);
        assertThat(root.get("a")).isEqualTo(List.of("x", List.of(), Map.of()));
    }

    @Test
    void parse_declaredLatin1_isHandedToTheGeneralParser() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><plist><string>caf\u00E9</string></plist>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> XmlPlist.parse(latin1)).isInstanceOf(XmlPlist.OtherEncoding.class)
                .hasMessage("ISO-8859-1");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("entities declared in the DOCTYPE",
                        "<?xml version=\"1.0\"?><!DOCTYPE plist [<!ENTITY a \"aaaa\">]><plist><string>&a;</string></plist>",
                        "its DOCTYPE declares entities or elements of its own, which no property list does"),
                refused("an undefined entity", "<plist><string>&nbsp;</string></plist>",
                        "it refers to an entity &nbsp; that XML does not define"),
                refused("a character reference XML forbids", "<plist><string>&#0;</string></plist>",
                        "its XML is not well-formed (line 1)"),
                refused("mismatched tags", "<plist>\n<dict>\n</array>\n</plist>", "its XML is not well-formed (line 3)"),
                refused("cut short", "<plist><dict><key>a</key><string>b", "its XML is not well-formed (line 1)"),
                refused("text after the root", "<plist><true/></plist>junk", "its XML is not well-formed (line 1)"),
                refused("another root", "<html/>", "its root element is <html>, not <plist>"),
                refused("an empty plist", "<plist></plist>", "its <plist> element is empty"),
                refused("an unknown element", "<plist><dict><key>a</key><foo/></dict></plist>",
                        "it has an unknown element <foo> on line 1"),
                refused("a value without its key", "<plist><dict><string>a</string></dict></plist>",
                        "its <dict> on line 1 has a value where a <key> belongs"),
                refused("a key without its value", "<plist><dict><key>a</key></dict></plist>",
                        "its <dict> has no value for key \"a\""),
                refused("an element inside a string", "<plist><string>a<b/></string></plist>",
                        "its <string> on line 1 holds an element"),
                refused("a date without its zone", "<plist><date>2019-06-20T11:47:07</date></plist>",
                        "its <date> on line 1 holds \"2019-06-20T11:47:07\", not a date like 2019-06-20T11:47:07Z"),
                refused("an impossible day", "<plist><date>2019-02-30T11:47:07Z</date></plist>",
                        "its <date> on line 1 holds \"2019-02-30T11:47:07Z\", not a date like 2019-06-20T11:47:07Z"),
                refused("an integer of letters", "<plist><integer>ten</integer></plist>",
                        "its <integer> on line 1 holds \"ten\""),
                refused("data that is not base64", "<plist><data>!!!!</data></plist>", "its <data> on line 1 is not base64"),
                refused("true with content", "<plist><true>no</true></plist>", "its <true> element has content"),
                refused("an unterminated comment", "<plist><!-- <true/></plist>",
                        "its XML has an unterminated comment (line 1)"),
                refused("nesting past 512", "<plist>" + "<array>".repeat(513) + "</array>".repeat(513) + "</plist>",
                        "it nests deeper than 512 levels"));
    }

    private static Arguments refused(String what, String xml, String message) {
        return Arguments.of(Named.of(what, xml), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void parse_malformed_isRefusedSayingWhy(String xml, String message) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(XmlPlist.Malformed.class).hasMessage(message);
    }

    @Test
    void parse_invalidUtf8_isRefused() {
        byte[] bytes = "<plist><string>x</string></plist>".getBytes(StandardCharsets.US_ASCII);
        bytes[15] = (byte) 0xC3; // a lead byte followed by '<'
        assertThatThrownBy(() -> XmlPlist.parse(bytes)).hasMessage("its text is not valid UTF-8");
    }

    @Test
    void parse_nestingOf512_isAccepted() throws Exception {
        Object value = parse("<plist>" + "<array>".repeat(512) + "</array>".repeat(512) + "</plist>");
        assertThat(value).isInstanceOf(List.class);
    }
}

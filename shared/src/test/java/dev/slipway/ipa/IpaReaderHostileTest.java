package dev.slipway.ipa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSString;
import dev.slipway.fixtures.ZipWriter;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.FileByteSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 10's defects in the reader, each pinned by the input that showed it. */
class IpaReaderHostileTest {
    private static final String APP = "Payload/A.app/";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e400", "1.5"})
    void read_nonIntegralRealAsDeviceFamily_isReadAsIphoneOnly(String real) throws Exception {
        // given issue 10's defect 2: <real>NaN</real> as UIDeviceFamily escaped as an unchecked exception
        String xml = "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict>"
                + "<key>CFBundleIdentifier</key><string>com.example.nan</string>"
                + "<key>UIDeviceFamily</key><array><real>" + real + "</real></array></dict></plist>";

        // when
        IpaInfo info = read(ipa(xml.getBytes(StandardCharsets.UTF_8)));

        // then the value is ignored, as a missing UIDeviceFamily is
        assertThat(info.app().deviceFamilies()).containsExactly(DeviceFamily.IPHONE);
    }

    @Test
    void read_binaryPlistWithInfiniteDeviceFamily_isReadAsIphoneOnly() throws Exception {
        NSDictionary plist = IpaReaderTest.plist("com.example.inf", "Inf");
        plist.put("UIDeviceFamily", new NSArray(new NSNumber(Double.POSITIVE_INFINITY), new NSNumber(2)));

        IpaInfo info = read(ipa(IpaReaderTest.binary(plist)));

        assertThat(info.app().deviceFamilies()).containsExactly(DeviceFamily.IPAD);
    }

    @Test
    void read_fuzzNullElementInDeviceFamilies_isReadAsIphoneOnly() throws Exception {
        // given the input Jazzer found: a binary plist whose UIDeviceFamily array holds a null object
        byte[] plist;
        try (var in = getClass().getResourceAsStream(
                "InfoPlistFuzzTestInputs/parse_anyBytes_onlyPlistFormatExceptionEscapes/fuzz-null-element-in-device-families.plist")) {
            plist = in.readAllBytes();
        }

        // when / then it reads (a NullPointerException escaped before)
        IpaInfo info = read(ipa(plist));
        assertThat(info.app().deviceFamilies()).containsExactly(DeviceFamily.IPHONE);
    }

    @Test
    void read_malformedXmlPlist_printsNothingAndGivesTheReason() throws Exception {
        // given issue 10's defect 7: the JDK parser printed "[Fatal Error] …" before the reason
        Path ipa = ipa("<?xml version=\"1.0\"?><plist><dict><key>a</key>".getBytes(StandardCharsets.UTF_8));

        // when / then
        assertUnreadablePlistRefusedSilently(ipa);
    }

    @Test
    void read_binaryPlistWithMalformedLengths_printsNothingAndIsRefused() throws Exception {
        // given 5,000 objects whose length marker is not followed by an integer: dd-plist printed a
        // line per object to stderr (the log, in Lambda) and parsed on
        Path ipa = ipa(dev.slipway.fixtures.HostileCorpus.malformedLengths());

        // when / then
        assertUnreadablePlistRefusedSilently(ipa);
    }

    @Test
    void read_entryNameWithLineBreak_reasonStaysOneLine() throws Exception {
        // given issue 10's defect 7: an entry name's raw newline was echoed into the reason and the log
        Path ipa = dir.resolve("newline.ipa");
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.deflated("Payload/Evil\nINFO forged line\u202E.app/Binary", new byte[10]);
        }

        assertThatThrownBy(() -> read(ipa)).isInstanceOf(BundleException.class)
                .hasMessage("no Payload/<App>.app/Info.plist found: Evil\\nINFO forged line\\u202e.app has no Info.plist");
    }

    @Test
    void read_3000IconNamesAnd100kEntries_findsTheNamedIconQuickly() throws Exception {
        // given issue 10's defect 4: 3 x 1,000 icon names and 100k files took 54 s to match
        NSDictionary plist = IpaReaderTest.plist("com.example.icons", "Icons");
        NSDictionary primary = new NSDictionary();
        NSString[] names = new NSString[1000];
        for (int i = 0; i < names.length; i++) {
            names[i] = new NSString("AppIcon" + i);
        }
        primary.put("CFBundleIconFiles", new NSArray(names));
        NSDictionary icons = new NSDictionary();
        icons.put("CFBundlePrimaryIcon", primary);
        plist.put("CFBundleIcons", icons);
        plist.put("CFBundleIcons~ipad", icons.clone());
        NSString[] legacy = new NSString[1000];
        for (int i = 0; i < legacy.length; i++) {
            legacy[i] = new NSString("Legacy" + i + ".png");
        }
        plist.put("CFBundleIconFiles", new NSArray(legacy));
        Path ipa = dir.resolve("icons.ipa");
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.deflated(APP + "Info.plist", IpaReaderTest.binary(plist));
            for (int i = 0; i < 100_000; i++) {
                zip.stored(APP + "File" + i + ".png", new byte[0]);
            }
            zip.deflated(APP + "appicon999@2x~IPAD.PNG", png(76, 76));
        }

        // when
        long started = System.nanoTime();
        IpaInfo info = read(ipa);
        long millis = (System.nanoTime() - started) / 1_000_000;

        // then the one named file, in another case and with scale and idiom, is the icon
        assertThat(info.entryCount()).isEqualTo(100_002);
        assertThat(info.icon()).isNotNull();
        assertThat(info.icon().path()).isEqualTo(APP + "appicon999@2x~IPAD.PNG");
        System.out.println("icon matching: 3,000 names x 100,002 entries read in " + millis + " ms");
    }

    @Test
    void read_iconNamesAllMissing_reasonListsAFewNames() throws Exception {
        NSDictionary plist = IpaReaderTest.plist("com.example.icons", "Icons");
        NSString[] names = new NSString[1000];
        for (int i = 0; i < names.length; i++) {
            names[i] = new NSString("Icon" + i);
        }
        plist.put("CFBundleIconFiles", new NSArray(names));

        IpaInfo info = read(ipa(IpaReaderTest.binary(plist)));

        assertThat(info.iconNote()).isEqualTo("icon files named in Info.plist are missing: Icon0, Icon1, Icon2, Icon3, "
                + "Icon4 and 995 more");
    }

    @Test
    void read_4096SquareSixteenBitIcon_isNoIconAndStillABuild() throws Exception {
        // given issue 10's defect 8: a 4096 x 4096 16-bit icon took 6-7 s to ingest
        NSDictionary plist = IpaReaderTest.plist("com.example.huge", "Huge");
        plist.put("CFBundleIconFiles", new NSArray(new NSString("Icon")));
        Path ipa = dir.resolve("huge-icon.ipa");
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.deflated(APP + "Info.plist", IpaReaderTest.binary(plist));
            zip.deflated(APP + "Icon.png", pngHeaderOnly(4096, 4096, 16));
        }

        IpaInfo info = read(ipa);

        assertThat(info.icon()).isNull();
        assertThat(info.iconNote()).isEqualTo("icon is larger than 1024 x 1024 pixels (not decoded): " + APP + "Icon.png");
        assertThat(info.app().bundleId()).isEqualTo("com.example.huge");
    }

    @Test
    void read_hugeIconBesideASmallerOne_takesTheSmallerOne() throws Exception {
        NSDictionary plist = IpaReaderTest.plist("com.example.two", "Two");
        plist.put("CFBundleIconFiles", new NSArray(new NSString("Icon"), new NSString("Small")));
        Path ipa = dir.resolve("two-icons.ipa");
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.deflated(APP + "Info.plist", IpaReaderTest.binary(plist));
            zip.deflated(APP + "Icon.png", pngHeaderOnly(2048, 2048, 8));
            zip.deflated(APP + "Small.png", png(120, 120));
        }

        IpaInfo info = read(ipa);

        assertThat(info.icon().path()).isEqualTo(APP + "Small.png");
        assertThat(info.icon().width()).isEqualTo(120);
    }

    private Path ipa(byte[] infoPlist) throws Exception {
        Path ipa = dir.resolve("one.ipa");
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.deflated(APP + "Info.plist", infoPlist);
        }
        return ipa;
    }

    private static IpaInfo read(Path ipa) throws Exception {
        try (BlockCache source = new BlockCache(FileByteSource.open(ipa))) {
            return new IpaReader().read(source);
        }
    }

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    /** Signature and an RGBA IHDR: all a reader needs to know the size, nothing to decode. */
    static byte[] pngHeaderOnly(int width, int height, int bitDepth) {
        byte[] data = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        CRC32 crc = new CRC32();
        crc.update("IHDR".getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return ByteBuffer.allocate(8 + 25).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).put(data).putInt((int) crc.getValue()).array();
    }

    /** What the action printed to stderr (a parser printing there writes to the function's log). */
    /** Reading refuses the IPA's Info.plist as unreadable, and prints nothing while at it. */
    private static void assertUnreadablePlistRefusedSilently(Path ipa) {
        String printed = stderrDuring(() -> assertThatThrownBy(() -> read(ipa))
                .isInstanceOf(PlistFormatException.class)
                .hasMessage("Payload/A.app/Info.plist is not a readable property list"));
        assertThat(printed).isEmpty();
    }

    private static String stderrDuring(Runnable action) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(stderr);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}

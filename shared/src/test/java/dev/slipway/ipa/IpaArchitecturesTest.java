package dev.slipway.ipa;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSString;
import dev.slipway.fixtures.ZipWriter;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.FileByteSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main executable's Mach-O header, read from an IPA, and what a 32-bit-only binary means for installing. */
class IpaArchitecturesTest {
    @TempDir
    Path dir;

    /** An unsigned IPA whose main executable starts with {@code binary}; deflated, as Xcode exports it. */
    static Path ipa(Path dir, byte[] binary, boolean deflated) throws Exception {
        NSDictionary info = new NSDictionary();
        info.put("CFBundleIdentifier", "dev.slipway.test.arch");
        info.put("CFBundleExecutable", "Arch");
        info.put("CFBundleShortVersionString", "1.0");
        info.put("CFBundleSupportedPlatforms", new NSArray(new NSString("iPhoneOS")));
        Path file = dir.resolve("Arch.ipa");
        try (ZipWriter zip = new ZipWriter(file)) {
            zip.deflated("Payload/Arch.app/Info.plist", info.toXMLPropertyList().getBytes(StandardCharsets.UTF_8));
            byte[] executable = new byte[binary.length + 200_000];
            System.arraycopy(binary, 0, executable, 0, binary.length);
            if (deflated) {
                zip.deflated("Payload/Arch.app/Arch", executable);
            } else {
                zip.stored("Payload/Arch.app/Arch", executable);
            }
        }
        return file;
    }

    private static IpaInfo read(Path file) throws Exception {
        try (BlockCache source = new BlockCache(FileByteSource.open(file))) {
            return new IpaReader().read(source);
        }
    }

    @Test
    void read_fat32BitOnlyBinary_isNotInstallableOnIos11() throws Exception {
        IpaInfo info = read(ipa(dir, MachOHeaderTest.fat(false, MachOHeaderTest.ARM, MachOHeaderTest.V7,
                MachOHeaderTest.ARM, MachOHeaderTest.V7S), true));

        assertThat(info.architectures()).containsExactly("armv7", "armv7s");
        assertThat(Installability.assess(info, Instant.now())).first().isEqualTo(new Installability.Finding(
                Installability.Severity.BLOCKER, "32-bit",
                "the app is 32-bit only (armv7, armv7s): iOS 11 and later run only 64-bit apps"));
    }

    @Test
    void read_thinArm64Stored_hasNo32BitFinding() throws Exception {
        IpaInfo info = read(ipa(dir, MachOHeaderTest.thin(MachOHeaderTest.ARM64, 0, true), false));

        assertThat(info.architectures()).containsExactly("arm64");
        assertThat(Installability.assess(info, Instant.now())).extracting(Installability.Finding::code)
                .doesNotContain("32-bit");
    }

    @Test
    void read_executableNotMachO_hasNoArchitectures() throws Exception {
        IpaInfo info = read(ipa(dir, "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII), true));

        assertThat(info.architectures()).isEmpty();
    }

    @Test
    void json_carriesTheArchitectures() throws Exception {
        IpaInfo info = read(ipa(dir, MachOHeaderTest.thin(MachOHeaderTest.ARM, MachOHeaderTest.V7, false), true));

        assertThat(IpaJson.toMap(info)).containsEntry("architectures", java.util.List.of("armv7"));
    }
}

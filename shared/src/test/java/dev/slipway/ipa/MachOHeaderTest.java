package dev.slipway.ipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachOHeaderTest {
    static final int ARM = 12;
    static final int ARM64 = 12 | 0x01000000;
    static final int V7 = 9;
    static final int V7S = 11;

    /** A thin {@code mach_header} as a little-endian device writes it (magic reads cefaedfe). */
    static byte[] thin(int cpuType, int subtype, boolean is64) {
        return ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putInt(is64 ? 0xFEEDFACF : 0xFEEDFACE)
                .putInt(cpuType).putInt(subtype).putInt(2).array();
    }

    /** A fat header (always big-endian) with one {@code fat_arch} or {@code fat_arch_64} per type/subtype pair. */
    static byte[] fat(boolean entries64, int... typeSubtype) {
        int count = typeSubtype.length / 2;
        int entry = entries64 ? 32 : 20;
        ByteBuffer b = ByteBuffer.allocate(8 + count * entry + 64).order(ByteOrder.BIG_ENDIAN)
                .putInt(entries64 ? 0xCAFEBABF : 0xCAFEBABE).putInt(count);
        for (int i = 0; i < count; i++) {
            b.putInt(typeSubtype[2 * i]).putInt(typeSubtype[2 * i + 1]);
            if (entries64) {
                b.putLong(16384L * (i + 1)).putLong(1000).putInt(14).putInt(0);
            } else {
                b.putInt(16384 * (i + 1)).putInt(1000).putInt(14);
            }
        }
        return b.array();
    }

    @Test
    void architectures_thinArm64_isArm64AndNot32Bit() {
        List<String> archs = MachOHeader.architectures(thin(ARM64, 0, true));

        assertThat(archs).containsExactly("arm64");
        assertThat(MachOHeader.only32Bit(archs)).isFalse();
    }

    @Test
    void architectures_thinArmv7_is32BitOnly() {
        List<String> archs = MachOHeader.architectures(thin(ARM, V7, false));

        assertThat(archs).containsExactly("armv7");
        assertThat(MachOHeader.only32Bit(archs)).isTrue();
    }

    @Test
    void architectures_fatArmv7AndArmv7s_is32BitOnly() {
        List<String> archs = MachOHeader.architectures(fat(false, ARM, V7, ARM, V7S));

        assertThat(archs).containsExactly("armv7", "armv7s");
        assertThat(MachOHeader.only32Bit(archs)).isTrue();
    }

    @Test
    void architectures_fatArmv7AndArm64_runsOnIos11() {
        List<String> archs = MachOHeader.architectures(fat(false, ARM, V7, ARM64, 0));

        assertThat(archs).containsExactly("armv7", "arm64");
        assertThat(MachOHeader.only32Bit(archs)).isFalse();
    }

    @Test
    void architectures_fat64Arm64e_isRead() {
        assertThat(MachOHeader.architectures(fat(true, ARM64, 0x80000002, ARM64, 0))).containsExactly("arm64e", "arm64");
    }

    @Test
    void architectures_notMachO_isEmptyAndClaimsNothing() {
        List<String> archs = MachOHeader.architectures("not a real binary".getBytes());

        assertThat(archs).isEmpty();
        assertThat(MachOHeader.only32Bit(archs)).isFalse();
    }

    @Test
    void architectures_fatCountBeyondTheBytesRead_isEmpty() {
        byte[] header = ByteBuffer.allocate(8 + 20).putInt(0xCAFEBABE).putInt(2).putInt(ARM).putInt(V7).array();

        assertThat(MachOHeader.architectures(header)).isEmpty();
    }

    @Test
    void architectures_fatCountAboveTheBound_isEmpty() {
        byte[] header = ByteBuffer.allocate(MachOHeader.PREFIX_BYTES).putInt(0xCAFEBABE).putInt(0x7FFFFFFF).array();

        assertThat(MachOHeader.architectures(header)).isEmpty();
    }

    @Test
    void architectures_tooShort_isEmpty() {
        assertThat(MachOHeader.architectures(new byte[] {(byte) 0xCE, (byte) 0xFA})).isEmpty();
    }
}

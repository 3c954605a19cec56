package dev.slipway.ipa;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The CPU architectures of a Mach-O executable, from its first bytes only: a thin header
 * ({@code mach_header}, either byte order) or a fat one ({@code fat_header} with 32- or 64-bit
 * {@code fat_arch} entries, always big-endian). iOS 11 and later run only 64-bit code, so a binary
 * whose every slice is 32-bit ARM (armv7, armv7s) cannot be installed there.
 */
public final class MachOHeader {
    /** Enough for a fat header with {@link #MAX_SLICES} 64-bit entries. */
    public static final int PREFIX_BYTES = 8 + 32 * 32;
    /** Real binaries carry two or three slices; more is not a binary iOS would run. */
    public static final int MAX_SLICES = 32;

    private static final int FAT_MAGIC = 0xCAFEBABE;
    private static final int FAT_MAGIC_64 = 0xCAFEBABF;
    private static final int MH_MAGIC = 0xFEEDFACE;
    private static final int MH_MAGIC_64 = 0xFEEDFACF;
    private static final int ABI64 = 0x01000000;
    private static final int ABI64_32 = 0x02000000;
    private static final int CPU_ARM = 12;
    private static final int CPU_X86 = 7;

    private MachOHeader() {
    }

    /**
     * The architectures named in the header, e.g. {@code [armv7, arm64]}; empty when the bytes are no
     * Mach-O header (then nothing is claimed about the binary).
     */
    public static List<String> architectures(byte[] prefix) {
        if (prefix.length < 8) {
            return List.of();
        }
        ByteBuffer big = ByteBuffer.wrap(prefix).order(ByteOrder.BIG_ENDIAN);
        int magic = big.getInt(0);
        if (magic == FAT_MAGIC || magic == FAT_MAGIC_64) {
            return fat(big, magic == FAT_MAGIC_64 ? 32 : 20);
        }
        if (magic == MH_MAGIC || magic == MH_MAGIC_64) {
            return List.of(name(big.getInt(4), big.getInt(8)));
        }
        ByteBuffer little = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN);
        int swapped = little.getInt(0);
        if ((swapped == MH_MAGIC || swapped == MH_MAGIC_64) && prefix.length >= 12) {
            return List.of(name(little.getInt(4), little.getInt(8)));
        }
        return List.of();
    }

    private static List<String> fat(ByteBuffer header, int entrySize) {
        long count = Integer.toUnsignedLong(header.getInt(4));
        // A count beyond the bound, or entries beyond the bytes read, is not a header we trust.
        if (count == 0 || count > MAX_SLICES || 8 + count * entrySize > header.capacity()) {
            return List.of();
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            int at = 8 + i * entrySize;
            names.add(name(header.getInt(at), header.getInt(at + 4)));
        }
        return new ArrayList<>(names);
    }

    /** True if there are slices and every one is 32-bit: iOS 11 and later will not run it. */
    public static boolean only32Bit(List<String> architectures) {
        for (String a : architectures) {
            if (!(a.startsWith("arm") && !a.startsWith("arm64") || a.equals("i386"))) {
                return false;
            }
        }
        return !architectures.isEmpty();
    }

    private static String name(int cpuType, int cpuSubtype) {
        int subtype = cpuSubtype & 0x00FFFFFF;
        if (cpuType == CPU_ARM) {
            return switch (subtype) {
                case 6 -> "armv6";
                case 9 -> "armv7";
                case 11 -> "armv7s";
                case 12 -> "armv7k";
                default -> "arm-" + subtype;
            };
        }
        if (cpuType == (CPU_ARM | ABI64)) {
            return subtype == 2 ? "arm64e" : "arm64";
        }
        if (cpuType == (CPU_ARM | ABI64_32)) {
            return "arm64_32";
        }
        if (cpuType == CPU_X86) {
            return "i386";
        }
        if (cpuType == (CPU_X86 | ABI64)) {
            return "x86_64";
        }
        return String.format(Locale.ROOT, "cpu%d", cpuType);
    }
}

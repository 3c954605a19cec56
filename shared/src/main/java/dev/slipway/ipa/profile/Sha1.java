package dev.slipway.ipa.profile;

/**
 * SHA-1 (FIPS 180-4) of a certificate's few kilobytes, for its fingerprint: the name Keychain and
 * {@code security find-identity} show, nothing that guards anything. The JDK's MessageDigest first
 * loads and orders the security providers (25 to 35 ms of a 200 ms {@code slipway inspect}) and
 * BouncyCastle's digest first sets up its service registry; these 60 lines need neither.
 * FIPS 180 known answers and a comparison with MessageDigest across block boundaries hold it to the
 * standard (BerAndSha1Test).
 */
final class Sha1 {
    private Sha1() {
    }

    static byte[] digest(byte[] message) {
        int[] h = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
        long bits = (long) message.length * 8;
        // The message, a 1 bit, zeros to 56 mod 64, then the length in bits as 64-bit big-endian.
        int padded = (message.length + 8) / 64 * 64 + 64;
        byte[] block = new byte[64];
        int[] w = new int[80];
        for (int offset = 0; offset < padded; offset += 64) {
            for (int i = 0; i < 64; i++) {
                int at = offset + i;
                block[i] = at < message.length ? message[at]
                        : at == message.length ? (byte) 0x80
                        : at >= padded - 8 ? (byte) (bits >>> (8 * (padded - 1 - at)))
                        : 0;
            }
            compress(h, block, w);
        }
        byte[] out = new byte[20];
        for (int i = 0; i < 20; i++) {
            out[i] = (byte) (h[i / 4] >>> (24 - 8 * (i % 4)));
        }
        return out;
    }

    private static void compress(int[] h, byte[] block, int[] w) {
        for (int t = 0; t < 16; t++) {
            w[t] = (block[4 * t] & 0xFF) << 24 | (block[4 * t + 1] & 0xFF) << 16 | (block[4 * t + 2] & 0xFF) << 8
                    | block[4 * t + 3] & 0xFF;
        }
        for (int t = 16; t < 80; t++) {
            w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        for (int t = 0; t < 80; t++) {
            int f;
            int k;
            if (t < 20) {
                f = b & c | ~b & d;
                k = 0x5A827999;
            } else if (t < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (t < 60) {
                f = b & c | b & d | c & d;
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            int temp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = temp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }
}

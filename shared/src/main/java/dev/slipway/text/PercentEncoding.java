package dev.slipway.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 3986 percent-encoding of a value as a whole, over its UTF-8 bytes: every byte outside the
 * unreserved set becomes {@code %XX} (upper-case hex), so a space is {@code %20}, never {@code +},
 * and {@code /}, {@code &}, {@code %} are escaped too. What SigV4 canonicalises a query with, what an
 * Install link wraps its manifest URL in, and what RFC 5987 file names use.
 */
public final class PercentEncoding {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private PercentEncoding() {
    }

    /** RFC 3986 percent-encoding of a whole value: only {@code A-Z a-z 0-9 - . _ ~} stay as they are. */
    public static String encode(String value) {
        // Into bytes, then one Latin-1 string (the output is ASCII): an app page encodes a manifest
        // URL a row, and every signed AWS request its query. ASCII (every URL Slipway makes) is its own UTF-8, so it is read char by char
        // without a byte array; from the first other character on, the rest's UTF-8 bytes.
        byte[] out = new byte[value.length() * 3];
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                byte[] rest = value.substring(i).getBytes(StandardCharsets.UTF_8);
                out = Arrays.copyOf(out, length + rest.length * 3);
                for (byte b : rest) {
                    length = append(out, length, b);
                }
                break;
            }
            length = append(out, length, (byte) c);
        }
        return new String(out, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code b} at {@code at}, encoded; returns where the next one goes. */
    private static int append(byte[] out, int at, byte b) {
        char c = (char) (b & 0xFF);
        if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~') {
            out[at] = b;
            return at + 1;
        }
        out[at] = '%';
        out[at + 1] = HEX[(b >> 4) & 0xF];
        out[at + 2] = HEX[b & 0xF];
        return at + 3;
    }
}

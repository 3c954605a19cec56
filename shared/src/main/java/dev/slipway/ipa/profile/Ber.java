package dev.slipway.ipa.profile;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reader of ASN.1 BER, as much of it as a provisioning profile needs: Apple signs profiles with
 * definite lengths (DER), openssl and others write indefinite lengths and cut the content into a
 * constructed OCTET STRING. Every length is checked against the bytes that hold it, and nesting is
 * bounded, so damaged or hostile input ends in one {@link Damaged} exception, never a read past the
 * end or a deep recursion.
 *
 * <p>Written for the profile rather than taken from a library: a general ASN.1 library's first use
 * loads and initialises hundreds of classes (object identifier tables, provider registries), a
 * fifth of a short {@code slipway inspect}, to read a handful of fields.
 */
final class Ber {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    /** [0], constructed: explicit tags and CMS's certificate set. */
    static final int CONTEXT_0 = 0xA0;

    private static final int CONSTRUCTED = 0x20;
    /** Deeper than any certificate or CMS message; bounds the recursion of indefinite lengths. */
    private static final int MAX_DEPTH = 32;

    private Ber() {
    }

    /** Thrown for any encoding that is damaged, cut short or nested too deep. */
    static final class Damaged extends Exception {
        Damaged(String message) {
            super(message);
        }
    }

    /**
     * One element: its tag, where its content lies in {@code data}, and where the next element starts.
     *
     * @param tag the identifier octet (high tag numbers are refused: no profile structure uses them)
     * @param start first content byte
     * @param end one past the last content byte (an indefinite length's end-of-contents octets excluded)
     * @param next one past the element as a whole
     */
    record Element(byte[] data, int tag, int headerStart, int start, int end, int next) {
        boolean constructed() {
            return (tag & CONSTRUCTED) != 0;
        }

        /** The element's whole encoding, header included. */
        byte[] encoding() {
            return Arrays.copyOfRange(data, headerStart, next);
        }

        byte[] content() {
            return Arrays.copyOfRange(data, start, end);
        }

        /** The elements this constructed element holds, in order. */
        List<Element> children() throws Damaged {
            if (!constructed()) {
                throw new Damaged("a primitive element has no children");
            }
            List<Element> children = new ArrayList<>();
            for (int at = start; at < end; ) {
                Element child = read(data, at, end, 0);
                children.add(child);
                at = child.next;
            }
            return children;
        }

        /** The value of an OCTET STRING, whether primitive or cut into constructed pieces. */
        byte[] octets() throws Damaged {
            return octets(0);
        }

        private byte[] octets(int depth) throws Damaged {
            if (depth > MAX_DEPTH) {
                throw new Damaged("nested more than " + MAX_DEPTH + " deep");
            }
            if (tag == OCTET_STRING) {
                return content();
            }
            if (tag != (OCTET_STRING | CONSTRUCTED)) {
                throw new Damaged("not an OCTET STRING");
            }
            ByteArrayOutputStream joined = new ByteArrayOutputStream(end - start);
            for (Element piece : children()) {
                byte[] octets = piece.octets(depth + 1);
                joined.write(octets, 0, octets.length);
            }
            return joined.toByteArray();
        }

        boolean contentEquals(byte[] expected) {
            return Arrays.equals(data, start, end, expected, 0, expected.length);
        }

        Element expect(int expectedTag) throws Damaged {
            if (tag != expectedTag) {
                throw new Damaged("tag " + Integer.toHexString(tag) + " where " + Integer.toHexString(expectedTag)
                        + " belongs");
            }
            return this;
        }
    }

    /** Reads the element that starts at {@code at}; bytes after it are not looked at. */
    static Element read(byte[] data, int at) throws Damaged {
        return read(data, at, data.length, 0);
    }

    private static Element read(byte[] data, int at, int limit, int depth) throws Damaged {
        if (depth > MAX_DEPTH) {
            throw new Damaged("nested more than " + MAX_DEPTH + " deep");
        }
        if (limit - at < 2) {
            throw new Damaged("cut short");
        }
        int tag = data[at] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new Damaged("high tag number");
        }
        int first = data[at + 1] & 0xFF;
        int position = at + 2;
        if (first == 0x80) {
            if ((tag & CONSTRUCTED) == 0) {
                throw new Damaged("indefinite length on a primitive element");
            }
            while (true) {
                if (limit - position < 2) {
                    throw new Damaged("cut short before end-of-contents");
                }
                if (data[position] == 0 && data[position + 1] == 0) {
                    return new Element(data, tag, at, at + 2, position, position + 2);
                }
                position = read(data, position, limit, depth + 1).next;
            }
        }
        long length = first;
        if (first > 0x80) {
            int octets = first & 0x7F;
            if (octets > 4 || limit - position < octets) {
                throw new Damaged("length field too long or cut short");
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = length << 8 | (data[position++] & 0xFF);
            }
        }
        if (length > limit - position) {
            throw new Damaged("length " + length + " runs past the end");
        }
        return new Element(data, tag, at, position, position + (int) length, position + (int) length);
    }
}

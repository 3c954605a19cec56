package dev.slipway.ipa;

import com.dd.plist.BinaryPropertyListParser;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import com.dd.plist.XMLPropertyListParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilder;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Property lists from an upload, parsed quietly. dd-plist's own XML path lets the JDK parser
 * print "[Fatal Error] …" lines with text from the file to stderr (in Lambda: the log, one record
 * per line); here its hardened document builder (no external entities, no DTD loading) gets an
 * error handler that only throws.
 */
public final class PropertyLists {
    private static final byte[] BINARY = "bplist".getBytes(StandardCharsets.US_ASCII);

    private PropertyLists() {
    }

    /**
     * Parses a binary, XML or (old-style) ASCII property list, printing nothing.
     *
     * @throws Exception whatever the parser throws for malformed input (checked or not): callers
     *     turn it into their own one-line rejection
     */
    public static NSObject parse(byte[] bytes) throws Exception {
        if (startsWith(bytes, BINARY)) {
            checkLengthMarkers(bytes);
            return BinaryPropertyListParser.parse(bytes);
        }
        if (looksLikeXml(bytes)) {
            return parseXml(bytes);
        }
        return PropertyListParser.parse(bytes);
    }

    /**
     * Parses an XML property list, printing nothing.
     *
     * @throws Exception whatever the parser throws for malformed input
     */
    public static NSObject parseXml(byte[] bytes) throws Exception {
        return XMLPropertyListParser.parse(quietDocumentBuilder().parse(new ByteArrayInputStream(bytes)));
    }

    /**
     * The project's one XML parser for untrusted documents: dd-plist's hardened document builder
     * (no external entities, no DTD loading), whose errors are thrown, never printed.
     *
     * @throws javax.xml.parsers.ParserConfigurationException if the JDK's parser lacks a hardening feature
     */
    public static DocumentBuilder quietDocumentBuilder() throws javax.xml.parsers.ParserConfigurationException {
        DocumentBuilder builder = XMLPropertyListParser.getDocBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder;
    }

    /**
     * Refuses a binary plist in which an object's long length is not an integer object: dd-plist
     * prints a line to stderr for each such object ("Length integer has an unexpected type") and
     * parses on, so one upload could write hundreds of thousands of log lines. Objects are found
     * through the offset table; a trailer or offset that makes no sense is left to dd-plist, which
     * refuses it without printing.
     *
     * @throws java.io.IOException if an object's length marker is not followed by an integer
     */
    private static void checkLengthMarkers(byte[] bytes) throws java.io.IOException {
        int trailer = bytes.length - 32;
        if (trailer < BINARY.length + 2) {
            return;
        }
        int offsetSize = bytes[trailer + 6] & 0xFF;
        long count = bigEndian(bytes, trailer + 8, 8);
        long table = bigEndian(bytes, trailer + 24, 8);
        if (offsetSize < 1 || offsetSize > 8 || table < BINARY.length || table > trailer || count < 0
                || count > (trailer - table) / offsetSize) {
            return;
        }
        for (int i = 0; i < count; i++) {
            long offset = bigEndian(bytes, (int) table + i * offsetSize, offsetSize);
            if (offset < BINARY.length || offset >= trailer - 1) {
                continue;
            }
            int marker = bytes[(int) offset] & 0xFF;
            // Data, strings, arrays, sets and dictionaries give a length of 15 or more as an integer object.
            boolean sized = switch (marker >> 4) {
                case 0x4, 0x5, 0x6, 0x7, 0xA, 0xB, 0xC, 0xD -> true;
                default -> false;
            };
            if (sized && (marker & 0x0F) == 0x0F && (bytes[(int) offset + 1] & 0xF0) != 0x10) {
                throw new java.io.IOException("object " + i + " has a malformed length");
            }
        }
    }

    private static long bigEndian(byte[] bytes, int at, int size) {
        long value = 0;
        for (int k = 0; k < size; k++) {
            value = value << 8 | (bytes[at + k] & 0xFF);
        }
        return value;
    }

    /** After an optional byte order mark (UTF-8 or UTF-16) and white space, a '<'. */
    private static boolean looksLikeXml(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            return true;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

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
        return XMLPropertyListParser.parse(builder.parse(new ByteArrayInputStream(bytes)));
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

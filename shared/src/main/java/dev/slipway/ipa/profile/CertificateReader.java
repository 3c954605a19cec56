package dev.slipway.ipa.profile;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The fields of an X.509 certificate (RFC 5280) a profile's {@code DeveloperCertificates} entry is
 * shown and matched by: subject, common name, serial number, validity and SHA-1 fingerprint. Read
 * straight from the DER with {@link Ber}, not through CertificateFactory, which first loads the
 * security providers, an RSA key factory for the public key and SHA-1 through the provider list:
 * start-up work that was a fifth of a short {@code slipway inspect}, for fields that need none of it.
 * The subject is still the JDK's own RFC 2253 form (X500Principal), as CertificateFactory's
 * certificates print it. Nothing here verifies a signature: the profile's certificates are
 * information, never trust.
 */
final class CertificateReader {
    /** id-at-commonName, 2.5.4.3. */
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};

    private CertificateReader() {
    }

    /**
     * @throws Ber.Damaged if the bytes are not one DER certificate, trailing bytes refused
     * @throws IllegalArgumentException if the subject is not a distinguished name X500Principal reads
     */
    static DeveloperCertificate read(byte[] der) throws Ber.Damaged {
        Ber.Element certificate = Ber.read(der, 0).expect(Ber.SEQUENCE);
        if (certificate.next() != der.length) {
            throw new Ber.Damaged("bytes after the certificate");
        }
        List<Ber.Element> parts = certificate.children();
        if (parts.size() != 3) {
            throw new Ber.Damaged("a certificate has three parts");
        }
        parts.get(1).expect(Ber.SEQUENCE);
        parts.get(2).expect(Ber.BIT_STRING);
        List<Ber.Element> tbs = parts.get(0).expect(Ber.SEQUENCE).children();
        // version [0] is optional (absent means v1); serial, signature, issuer, validity, subject follow.
        int i = !tbs.isEmpty() && tbs.get(0).tag() == Ber.CONTEXT_0 ? 1 : 0;
        if (tbs.size() < i + 6) {
            throw new Ber.Damaged("a certificate's signed part is too short");
        }
        byte[] serialBytes = tbs.get(i).expect(Ber.INTEGER).content();
        tbs.get(i + 1).expect(Ber.SEQUENCE);
        tbs.get(i + 2).expect(Ber.SEQUENCE);
        List<Ber.Element> validity = tbs.get(i + 3).expect(Ber.SEQUENCE).children();
        if (validity.size() != 2) {
            throw new Ber.Damaged("validity holds two times");
        }
        Ber.Element subject = tbs.get(i + 4).expect(Ber.SEQUENCE);
        String serial = new BigInteger(serialBytes).toString(16).toUpperCase();
        return new DeveloperCertificate(new X500Principal(subject.encoding()).getName(), commonName(subject),
                serial.length() % 2 == 0 ? serial : "0" + serial, time(validity.get(0)), time(validity.get(1)),
                HexFormat.of().withUpperCase().formatHex(Sha1.digest(der)));
    }

    /** The first common name in the subject, or null when it has none (or holds no string). */
    private static String commonName(Ber.Element subject) throws Ber.Damaged {
        for (Ber.Element rdn : subject.children()) {
            for (Ber.Element attribute : rdn.expect(Ber.SET).children()) {
                List<Ber.Element> typeAndValue = attribute.expect(Ber.SEQUENCE).children();
                if (typeAndValue.size() == 2 && typeAndValue.get(0).tag() == Ber.OBJECT_IDENTIFIER
                        && typeAndValue.get(0).contentEquals(COMMON_NAME)
                        && typeAndValue.get(0).end() - typeAndValue.get(0).start() == COMMON_NAME.length) {
                    return string(typeAndValue.get(1));
                }
            }
        }
        return null;
    }

    private static String string(Ber.Element value) {
        Charset charset = switch (value.tag()) {
            case 0x0C -> StandardCharsets.UTF_8; // UTF8String
            case 0x12, 0x13, 0x16, 0x1A -> StandardCharsets.US_ASCII; // Numeric, Printable, IA5, Visible
            case 0x14 -> StandardCharsets.ISO_8859_1; // T61String, read as one byte per character
            case 0x1E -> StandardCharsets.UTF_16BE; // BMPString
            case 0x1C -> Charset.forName("UTF-32BE"); // UniversalString
            default -> null;
        };
        return charset == null ? null : new String(value.content(), charset);
    }

    /** UTCTime (YYMMDDHHMM[SS]Z, years 1950–2049) or GeneralizedTime (YYYYMMDDHHMM[SS][.f]Z). */
    static Instant time(Ber.Element value) throws Ber.Damaged {
        String text = new String(value.content(), StandardCharsets.US_ASCII);
        boolean utc = value.tag() == Ber.UTC_TIME;
        if (!utc && value.tag() != Ber.GENERALIZED_TIME) {
            throw new Ber.Damaged("not a time");
        }
        int yearDigits = utc ? 2 : 4;
        if (!text.endsWith("Z") || text.length() < yearDigits + 9) {
            throw new Ber.Damaged("a time must be in UTC");
        }
        try {
            int year = Integer.parseInt(text.substring(0, yearDigits));
            if (utc) {
                year += year < 50 ? 2000 : 1900;
            }
            int at = yearDigits;
            int month = digits(text, at);
            int day = digits(text, at + 2);
            int hour = digits(text, at + 4);
            int minute = digits(text, at + 6);
            int rest = at + 8;
            int second = rest < text.length() - 1 ? digits(text, rest) : 0;
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (NumberFormatException | IndexOutOfBoundsException | DateTimeException e) {
            throw new Ber.Damaged("unreadable time");
        }
    }

    private static int digits(String text, int at) {
        char tens = text.charAt(at);
        char ones = text.charAt(at + 1);
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            throw new NumberFormatException(text);
        }
        return (tens - '0') * 10 + ones - '0';
    }
}

package dev.slipway.ipa.profile;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import dev.slipway.ipa.PropertyLists;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.xml.sax.SAXParseException;

/**
 * Reads a provisioning profile: a CMS SignedData message whose encapsulated content is a property
 * list, or (as some tools write it) the bare property list.
 */
public final class ProfileParser {
    /** Real profiles are under 100 KB even with hundreds of devices; anything far larger is hostile. */
    static final int MAX_BYTES = 1024 * 1024;
    /** Apple allows at most a few hundred devices per type; 10,000 leaves room without unbounded lists. */
    static final int MAX_DEVICES = 10_000;
    static final int MAX_CERTIFICATES = 100;
    /** Team identifiers, prefixes and platforms hold one to three entries in practice. */
    static final int MAX_SHORT_LIST = 100;

    private static final byte DER_SEQUENCE = 0x30;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] BINARY_PLIST = "bplist00".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XML_DECLARATION = "<?xml".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLIST_ELEMENT = "<plist".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_REASON_LENGTH = 120;

    private ProfileParser() {
    }

    /**
     * Parses a provisioning profile file.
     *
     * @param data the raw file, e.g. {@code Payload/App.app/embedded.mobileprovision}
     * @return the profile; {@link ProvisioningProfile#signed()} tells whether it was CMS-signed
     * @throws ProfileException if the file is over 1 MiB, neither a CMS signed message nor a
     *     property list, lacks {@code Name}, {@code UUID}, {@code CreationDate} or
     *     {@code ExpirationDate}, has a key of the wrong type, lists more than 10,000 devices or 100
     *     certificates, or carries a certificate that is not DER X.509
     */
    public static ProvisioningProfile parse(byte[] data) throws ProfileException {
        if (data.length > MAX_BYTES) {
            throw new ProfileException("provisioning profile is " + data.length + " bytes, over the 1 MiB limit");
        }
        if (data.length == 0) {
            throw new ProfileException("provisioning profile is empty");
        }
        boolean signed = data[0] == DER_SEQUENCE;
        if (!signed && !startsWith(data, 0, BINARY_PLIST) && !isXml(data)) {
            throw new ProfileException("provisioning profile is not a signed CMS message or a property list");
        }
        NSDictionary root = rootDictionary(signed ? encapsulatedContent(data) : data);
        return profile(root, signed);
    }

    private static boolean isXml(byte[] data) {
        // Text editors may save a UTF-8 byte order mark; XML allows nothing else before the declaration.
        int start = startsWith(data, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
        return startsWith(data, start, XML_DECLARATION) || startsWith(data, start, PLIST_ELEMENT);
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encapsulatedContent(byte[] data) throws ProfileException {
        CMSTypedData content;
        try {
            content = new CMSSignedData(data).getSignedContent();
        } catch (Exception e) {
            // Malformed ASN.1 surfaces as CMSException but also as IllegalArgumentException,
            // ClassCastException and friends from deep inside the ASN.1 decoder.
            // The decoder's own words ("IOException reading content.") mean nothing to the uploader.
            throw new ProfileException("provisioning profile is not a signed CMS message or a property list: "
                    + "its encoding is damaged or cut short", e);
        }
        if (content == null) {
            throw new ProfileException("provisioning profile's CMS message has no encapsulated content");
        }
        if (!(content.getContent() instanceof byte[] bytes)) {
            throw new ProfileException("provisioning profile's CMS content is not an octet string");
        }
        return bytes;
    }

    private static NSDictionary rootDictionary(byte[] plist) throws ProfileException {
        NSObject root;
        try {
            if (startsWith(plist, 0, BINARY_PLIST)) {
                root = PropertyLists.parse(plist);
            } else if (isXml(plist)) {
                root = PropertyLists.parseXml(plist);
            } else {
                // Apple writes XML; dd-plist would also try the ASCII formats no profile uses.
                throw new ProfileException("provisioning profile's signed content is not a property list");
            }
        } catch (ProfileException e) {
            throw e;
        } catch (Exception e) {
            // Includes dd-plist's own nesting limit (512) and RuntimeExceptions from corrupt offsets.
            throw new ProfileException("provisioning profile's property list is unreadable: " + reason(e), e);
        }
        if (!(root instanceof NSDictionary dictionary)) {
            throw new ProfileException("provisioning profile's property list root is " + typeName(root)
                    + ", expected dictionary");
        }
        return dictionary;
    }

    private static ProvisioningProfile profile(NSDictionary root, boolean signed) throws ProfileException {
        String name = requiredString(root, "Name");
        String uuid = requiredString(root, "UUID");
        Instant createdAt = requiredDate(root, "CreationDate");
        Instant expiresAt = requiredDate(root, "ExpirationDate");
        List<String> teamIds = strings(root, "TeamIdentifier", MAX_SHORT_LIST, "team identifiers");
        List<String> prefixes = strings(root, "ApplicationIdentifierPrefix", MAX_SHORT_LIST, "prefixes");
        String teamId = !teamIds.isEmpty() ? teamIds.get(0) : prefixes.isEmpty() ? null : prefixes.get(0);
        List<String> platforms = strings(root, "Platform", MAX_SHORT_LIST, "platforms");
        List<String> devices = strings(root, "ProvisionedDevices", MAX_DEVICES, "devices");
        boolean allDevices = bool(root, "ProvisionsAllDevices", "");
        NSObject entitlementsObject = root.objectForKey("Entitlements");
        Entitlements entitlements = entitlementsObject == null ? Entitlements.NONE
                : entitlements(as(entitlementsObject, NSDictionary.class, "Entitlements"));
        List<DeveloperCertificate> certificates = certificates(root);
        DistributionType type = type(allDevices, devices, entitlements, platforms);
        return new ProvisioningProfile(name, uuid, teamId, optionalString(root, "TeamName", ""),
                optionalString(root, "AppIDName", ""), createdAt, expiresAt, platforms, devices, allDevices,
                entitlements, certificates, type, signed);
    }

    private static DistributionType type(boolean allDevices, List<String> devices, Entitlements entitlements,
            List<String> platforms) {
        if (allDevices) {
            return DistributionType.ENTERPRISE;
        }
        if (devices.isEmpty()) {
            return DistributionType.APP_STORE;
        }
        // macOS has no ad-hoc profiles and its development profiles carry no get-task-allow,
        // so on a Mac-only profile a device list alone means development.
        boolean macOnly = platforms.contains("OSX") && !platforms.contains("iOS");
        return entitlements.getTaskAllow() || macOnly ? DistributionType.DEVELOPMENT : DistributionType.AD_HOC;
    }

    private static Entitlements entitlements(NSDictionary entitlements) throws ProfileException {
        String prefix = "Entitlements.";
        String applicationId = optionalString(entitlements, "application-identifier", prefix);
        if (applicationId == null) {
            applicationId = optionalString(entitlements, "com.apple.application-identifier", prefix);
        }
        String aps = optionalString(entitlements, "aps-environment", prefix);
        if (aps == null) {
            aps = optionalString(entitlements, "com.apple.developer.aps-environment", prefix);
        }
        return new Entitlements(applicationId, bool(entitlements, "get-task-allow", prefix), aps,
                bool(entitlements, "beta-reports-active", prefix),
                optionalString(entitlements, "com.apple.developer.team-identifier", prefix));
    }

    private static List<DeveloperCertificate> certificates(NSDictionary root) throws ProfileException {
        NSObject[] blobs = array(root, "DeveloperCertificates", MAX_CERTIFICATES, "developer certificates");
        List<DeveloperCertificate> certificates = new ArrayList<>(blobs.length);
        for (int i = 0; i < blobs.length; i++) {
            byte[] der = as(blobs[i], NSData.class, "DeveloperCertificates[" + i + "]").bytes();
            try {
                certificates.add(certificate(der));
            } catch (IOException | RuntimeException e) {
                throw new ProfileException("provisioning profile has an unreadable developer certificate #" + (i + 1), e);
            }
        }
        return certificates;
    }

    /**
     * The certificate's fields, read with BouncyCastle's ASN.1 classes (as the CMS layer is) rather than
     * the JDK's CertificateFactory: that one first loads the security providers, an RSA key factory for
     * the public key, and SHA-1 through the provider list, start-up work that was a fifth of a short
     * {@code slipway inspect} run, for fields that need none of it. The subject is still the JDK's own
     * RFC 2253 form (X500Principal), as CertificateFactory's certificates print it.
     */
    private static DeveloperCertificate certificate(byte[] der) throws IOException {
        // fromByteArray refuses trailing bytes; getInstance refuses anything but a certificate's structure.
        Certificate certificate = Certificate.getInstance(ASN1Primitive.fromByteArray(der));
        String commonName = null;
        RDN[] cns = certificate.getSubject().getRDNs(BCStyle.CN);
        if (cns.length > 0 && cns[0].getFirst().getValue() instanceof ASN1String cn) {
            commonName = cn.getString();
        }
        String subject = new X500Principal(certificate.getSubject().getEncoded(ASN1Encoding.DER)).getName();
        String serial = certificate.getSerialNumber().getValue().toString(16).toUpperCase();
        SHA1Digest digest = new SHA1Digest();
        byte[] sha1 = new byte[digest.getDigestSize()];
        digest.update(der, 0, der.length);
        digest.doFinal(sha1, 0);
        return new DeveloperCertificate(subject, commonName, serial.length() % 2 == 0 ? serial : "0" + serial,
                certificate.getStartDate().getDate().toInstant(), certificate.getEndDate().getDate().toInstant(),
                HexFormat.of().withUpperCase().formatHex(sha1));
    }

    private static String requiredString(NSDictionary dictionary, String key) throws ProfileException {
        String value = optionalString(dictionary, key, "");
        if (value == null) {
            throw new ProfileException("provisioning profile has no " + key);
        }
        return value;
    }

    private static String optionalString(NSDictionary dictionary, String key, String prefix) throws ProfileException {
        NSObject value = dictionary.objectForKey(key);
        return value == null ? null : as(value, NSString.class, prefix + key).getContent();
    }

    private static boolean bool(NSDictionary dictionary, String key, String prefix) throws ProfileException {
        NSObject value = dictionary.objectForKey(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof NSNumber number) || !number.isBoolean()) {
            throw wrongType(prefix + key, value, "boolean");
        }
        return number.boolValue();
    }

    private static Instant requiredDate(NSDictionary dictionary, String key) throws ProfileException {
        NSObject value = dictionary.objectForKey(key);
        if (value == null) {
            throw new ProfileException("provisioning profile has no " + key);
        }
        return as(value, NSDate.class, key).getDate().toInstant();
    }

    private static NSObject[] array(NSDictionary dictionary, String key, int limit, String what)
            throws ProfileException {
        NSObject value = dictionary.objectForKey(key);
        if (value == null) {
            return new NSObject[0];
        }
        NSObject[] items = as(value, NSArray.class, key).getArray();
        if (items.length > limit) {
            throw new ProfileException("provisioning profile lists " + items.length + " " + what + ", over the "
                    + limit + " limit");
        }
        return items;
    }

    private static List<String> strings(NSDictionary dictionary, String key, int limit, String what)
            throws ProfileException {
        NSObject[] items = array(dictionary, key, limit, what);
        List<String> strings = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            strings.add(as(items[i], NSString.class, key + "[" + i + "]").getContent());
        }
        return strings;
    }

    private static <T extends NSObject> T as(NSObject value, Class<T> type, String key) throws ProfileException {
        if (!type.isInstance(value)) {
            throw wrongType(key, value, typeName(type));
        }
        return type.cast(value);
    }

    private static ProfileException wrongType(String key, NSObject value, String expected) {
        return new ProfileException("provisioning profile's " + key + " is " + typeName(value) + ", expected "
                + expected);
    }

    /** The plist element name of a value, so messages speak the format people see in the file. */
    private static String typeName(NSObject value) {
        if (value instanceof NSNumber number) {
            return number.isBoolean() ? "boolean" : number.isInteger() ? "integer" : "real";
        }
        return value == null ? "null" : typeName(value.getClass());
    }

    private static String typeName(Class<?> type) {
        if (type == NSDictionary.class) {
            return "dictionary";
        }
        if (type == NSArray.class) {
            return "array";
        }
        if (type == NSString.class) {
            return "string";
        }
        if (type == NSDate.class) {
            return "date";
        }
        if (type == NSData.class) {
            return "data";
        }
        return type.getSimpleName();
    }

    /**
     * A library's message cut to one short printable line: parser messages can span lines and
     * quote the (hostile) input, control characters included.
     */
    private static String reason(Throwable e) {
        if (e instanceof SAXParseException xml) {
            // The JDK parser's words ("Content is not allowed in prolog.") are its own jargon.
            return "its XML is not well-formed (line " + xml.getLineNumber() + ")";
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage().strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return message.length() <= MAX_REASON_LENGTH ? message : message.substring(0, MAX_REASON_LENGTH) + "…";
    }
}

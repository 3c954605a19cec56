package dev.slipway.ipa.profile;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import dev.slipway.ipa.PropertyLists;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    /** id-signedData, 1.2.840.113549.1.7.2. */
    private static final byte[] SIGNED_DATA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x02};

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
        Map<?, ?> root = rootDictionary(signed ? encapsulatedContent(data) : data);
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

    /**
     * The encapsulated content of a CMS SignedData message (RFC 5652): ContentInfo { signedData,
     * [0] SignedData { version, digestAlgorithms, encapContentInfo { type, [0] OCTET STRING }, … } }.
     * Bytes after the message are not looked at. The signature is not checked: Apple's own devices
     * do that, and a profile here is read for what it says, never trusted for it.
     */
    static byte[] encapsulatedContent(byte[] data) throws ProfileException {
        Ber.Element content;
        try {
            List<Ber.Element> contentInfo = Ber.read(data, 0).expect(Ber.SEQUENCE).children();
            if (contentInfo.size() != 2 || !contentInfo.get(0).expect(Ber.OBJECT_IDENTIFIER).contentEquals(SIGNED_DATA)
                    || contentInfo.get(0).end() - contentInfo.get(0).start() != SIGNED_DATA.length) {
                throw new Ber.Damaged("not SignedData");
            }
            List<Ber.Element> explicit = contentInfo.get(1).expect(Ber.CONTEXT_0).children();
            List<Ber.Element> signedData = explicit.get(0).expect(Ber.SEQUENCE).children();
            // version, digestAlgorithms, encapContentInfo, [certificates], [crls], signerInfos
            if (explicit.size() != 1 || signedData.size() < 4) {
                throw new Ber.Damaged("SignedData is incomplete");
            }
            signedData.get(0).expect(Ber.INTEGER);
            signedData.get(1).expect(Ber.SET);
            signedData.get(signedData.size() - 1).expect(Ber.SET);
            List<Ber.Element> encapsulated = signedData.get(2).expect(Ber.SEQUENCE).children();
            encapsulated.get(0).expect(Ber.OBJECT_IDENTIFIER);
            if (encapsulated.size() == 1) {
                throw new ProfileException("provisioning profile's CMS message has no encapsulated content");
            }
            List<Ber.Element> wrapped = encapsulated.get(1).expect(Ber.CONTEXT_0).children();
            if (encapsulated.size() != 2 || wrapped.size() != 1) {
                throw new Ber.Damaged("encapContentInfo is malformed");
            }
            content = wrapped.get(0);
        } catch (Ber.Damaged | IndexOutOfBoundsException e) {
            throw new ProfileException("provisioning profile is not a signed CMS message or a property list: "
                    + "its encoding is damaged or cut short", e);
        }
        try {
            return content.octets();
        } catch (Ber.Damaged e) {
            throw new ProfileException("provisioning profile's CMS content is not an octet string", e);
        }
    }

    private static Map<?, ?> rootDictionary(byte[] plist) throws ProfileException {
        Object root;
        try {
            if (startsWith(plist, 0, BINARY_PLIST)) {
                root = plainValue(PropertyLists.parse(plist));
            } else if (isXml(plist)) {
                root = xml(plist);
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
        if (!(root instanceof Map<?, ?> dictionary)) {
            throw new ProfileException("provisioning profile's property list root is " + typeName(root)
                    + ", expected dictionary");
        }
        return dictionary;
    }

    /** Apple's XML through the profile's own reader; another declared encoding through the general one. */
    private static Object xml(byte[] plist) throws Exception {
        try {
            return XmlPlist.parse(plist);
        } catch (XmlPlist.OtherEncoding e) {
            return plainValue(PropertyLists.parseXml(plist));
        }
    }

    /** A dd-plist value (a binary profile's) as the plain values {@link XmlPlist} gives. */
    static Object plainValue(NSObject value) {
        if (value instanceof NSDictionary dictionary) {
            Map<String, Object> entries = new HashMap<>();
            for (Map.Entry<String, NSObject> entry : dictionary.entrySet()) {
                entries.put(entry.getKey(), plainValue(entry.getValue()));
            }
            return entries;
        }
        if (value instanceof NSArray array) {
            List<Object> items = new ArrayList<>(array.count());
            for (NSObject item : array.getArray()) {
                items.add(plainValue(item));
            }
            return items;
        }
        if (value instanceof NSNumber number) {
            return number.isBoolean() ? (Object) number.boolValue()
                    : number.isInteger() ? (Object) number.longValue() : (Object) number.doubleValue();
        }
        if (value instanceof NSString string) {
            return string.getContent();
        }
        if (value instanceof NSData bytes) {
            return bytes.bytes();
        }
        if (value instanceof NSDate date) {
            return date.getDate().toInstant();
        }
        return value; // sets and UIDs: named by their class in messages
    }

    private static ProvisioningProfile profile(Map<?, ?> root, boolean signed) throws ProfileException {
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
        Object entitlementsObject = root.get("Entitlements");
        Entitlements entitlements = entitlementsObject == null ? Entitlements.NONE
                : entitlements(as(entitlementsObject, Map.class, "Entitlements"));
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

    private static Entitlements entitlements(Map<?, ?> entitlements) throws ProfileException {
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

    private static List<DeveloperCertificate> certificates(Map<?, ?> root) throws ProfileException {
        List<?> blobs = array(root, "DeveloperCertificates", MAX_CERTIFICATES, "developer certificates");
        List<DeveloperCertificate> certificates = new ArrayList<>(blobs.size());
        for (int i = 0; i < blobs.size(); i++) {
            byte[] der = as(blobs.get(i), byte[].class, "DeveloperCertificates[" + i + "]");
            try {
                certificates.add(CertificateReader.read(der));
            } catch (Ber.Damaged | RuntimeException e) {
                throw new ProfileException("provisioning profile has an unreadable developer certificate #" + (i + 1), e);
            }
        }
        return certificates;
    }

    private static String requiredString(Map<?, ?> dictionary, String key) throws ProfileException {
        String value = optionalString(dictionary, key, "");
        if (value == null) {
            throw new ProfileException("provisioning profile has no " + key);
        }
        return value;
    }

    private static String optionalString(Map<?, ?> dictionary, String key, String prefix) throws ProfileException {
        Object value = dictionary.get(key);
        return value == null ? null : as(value, String.class, prefix + key);
    }

    private static boolean bool(Map<?, ?> dictionary, String key, String prefix) throws ProfileException {
        Object value = dictionary.get(key);
        return value != null && as(value, Boolean.class, prefix + key);
    }

    private static Instant requiredDate(Map<?, ?> dictionary, String key) throws ProfileException {
        Object value = dictionary.get(key);
        if (value == null) {
            throw new ProfileException("provisioning profile has no " + key);
        }
        return as(value, Instant.class, key);
    }

    private static List<?> array(Map<?, ?> dictionary, String key, int limit, String what) throws ProfileException {
        Object value = dictionary.get(key);
        if (value == null) {
            return List.of();
        }
        List<?> items = as(value, List.class, key);
        if (items.size() > limit) {
            throw new ProfileException("provisioning profile lists " + items.size() + " " + what + ", over the "
                    + limit + " limit");
        }
        return items;
    }

    private static List<String> strings(Map<?, ?> dictionary, String key, int limit, String what)
            throws ProfileException {
        List<?> items = array(dictionary, key, limit, what);
        List<String> strings = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            strings.add(as(items.get(i), String.class, key + "[" + i + "]"));
        }
        return strings;
    }

    private static <T> T as(Object value, Class<T> type, String key) throws ProfileException {
        if (!type.isInstance(value)) {
            throw new ProfileException("provisioning profile's " + key + " is " + typeName(value) + ", expected "
                    + typeName(type));
        }
        return type.cast(value);
    }

    /** The plist element name of a value, so messages speak the format people see in the file. */
    private static String typeName(Object value) {
        return value == null ? "null" : typeName(value.getClass());
    }

    private static String typeName(Class<?> type) {
        if (Map.class.isAssignableFrom(type)) {
            return "dictionary";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type == Long.class || type == java.math.BigInteger.class) {
            return "integer";
        }
        if (type == Double.class) {
            return "real";
        }
        return switch (type.getSimpleName()) {
            case "String" -> "string";
            case "Boolean" -> "boolean";
            case "Instant" -> "date";
            case "byte[]" -> "data";
            default -> type.getSimpleName();
        };
    }

    /**
     * A library's message cut to one short printable line: parser messages can span lines and
     * quote the (hostile) input, control characters included.
     */
    private static String reason(Throwable e) {
        if (e instanceof XmlPlist.Malformed) {
            return e.getMessage();
        }
        if (e instanceof SAXParseException xml) {
            // The JDK parser's words ("Content is not allowed in prolog.") are its own jargon.
            return "its XML is not well-formed (line " + xml.getLineNumber() + ")";
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage().strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return message.length() <= MAX_REASON_LENGTH ? message : message.substring(0, MAX_REASON_LENGTH) + "…";
    }
}

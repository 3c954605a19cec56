package dev.slipway.ipa.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSDictionary;
import dev.slipway.fixtures.Corpus;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestProfile;
import dev.slipway.ipa.PropertyLists;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;

/**
 * The profile's own readers (BER/CMS, X.509 fields, XML plist) against the libraries they replace,
 * on every real profile in the corpus: the CMS content BouncyCastle finds, the values dd-plist reads
 * from the XML, the fields CertificateFactory reads from each certificate.
 */
@Corpus
class ProfileReadersTest {

    /** The profile fixtures and the embedded.mobileprovision of every IPA fixture. */
    private static List<byte[]> realProfiles() throws IOException {
        List<byte[]> profiles = new ArrayList<>();
        for (Path file : Fixtures.all("profiles")) {
            profiles.add(Files.readAllBytes(file));
        }
        for (Path ipa : Fixtures.ipas()) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(ipa))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (entry.getName().matches("Payload/[^/]+\\.app/embedded\\.mobileprovision")) {
                        profiles.add(zip.readAllBytes());
                    }
                }
            }
        }
        return profiles;
    }

    @Test
    void signedContent_ofEveryRealCmsProfile_isWhatBouncyCastleFinds() throws Exception {
        int compared = 0;
        for (byte[] profile : realProfiles()) {
            if (profile[0] != 0x30) {
                continue;
            }
            byte[] expected = (byte[]) new CMSSignedData(profile).getSignedContent().getContent();
            assertThat(ProfileParser.encapsulatedContent(profile)).isEqualTo(expected);
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(8);
    }

    @Test
    void xmlPlist_ofEveryRealProfile_readsWhatDdPlistReads() throws Exception {
        int compared = 0;
        for (byte[] profile : realProfiles()) {
            byte[] xml = profile[0] == 0x30 ? ProfileParser.encapsulatedContent(profile) : profile;
            if (xml[0] != '<') {
                continue;
            }
            Object expected = ProfileParser.plainValue(PropertyLists.parseXml(xml));
            assertThat(comparable(XmlPlist.parse(xml))).isEqualTo(comparable(expected));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(9);
    }

    @Test
    void certificateReader_onEveryRealCertificate_readsWhatCertificateFactoryReads() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        int compared = 0;
        List<byte[]> certificates = new ArrayList<>();
        for (byte[] profile : realProfiles()) {
            byte[] plist = profile[0] == 0x30 ? ProfileParser.encapsulatedContent(profile) : profile;
            Object root = plist[0] == '<' ? XmlPlist.parse(plist) : ProfileParser.plainValue(PropertyLists.parse(plist));
            if (((Map<?, ?>) root).get("DeveloperCertificates") instanceof List<?> blobs) {
                blobs.forEach(blob -> certificates.add((byte[]) blob));
            }
        }
        certificates.add(TestProfile.certificate());
        for (byte[] der : certificates) {
            X509Certificate expected;
            try {
                expected = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            } catch (Exception e) {
                continue; // the corpus's sanitised certificates: ProfileParserTest covers their refusal
            }
            DeveloperCertificate read = CertificateReader.read(der);
            X500Name subject = X500Name.getInstance(expected.getSubjectX500Principal().getEncoded());
            assertThat(read.subject()).isEqualTo(expected.getSubjectX500Principal().getName());
            assertThat(read.commonName()).isEqualTo(
                    ((ASN1String) subject.getRDNs(BCStyle.CN)[0].getFirst().getValue()).getString());
            assertThat(new java.math.BigInteger(read.serialNumber(), 16)).isEqualTo(expected.getSerialNumber());
            assertThat(read.notBefore()).isEqualTo(expected.getNotBefore().toInstant());
            assertThat(read.expiresAt()).isEqualTo(expected.getNotAfter().toInstant());
            assertThat(read.sha1Fingerprint()).isEqualTo(
                    HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der)));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(10);
    }

    /** byte[] compares by identity; as a hex string it compares by content. */
    private static Object comparable(Object value) {
        if (value instanceof byte[] bytes) {
            return "data:" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.HashMap<>();
            map.forEach((k, v) -> copy.put(k, comparable(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProfileReadersTest::comparable).toList();
        }
        return value;
    }

    @Test
    void plainValue_ofADdPlistDictionary_keepsEveryType() {
        NSDictionary root = new NSDictionary();
        root.put("s", "text");
        root.put("i", 42);
        root.put("r", 1.5);
        root.put("b", true);
        assertThat(ProfileParser.plainValue(root)).isEqualTo(Map.of("s", "text", "i", 42L, "r", 1.5, "b", true));
    }
}

package dev.slipway.enrol;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSString;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A stand-in for Apple's device PKI, made with BouncyCastle: a CA, an intermediate and a device
 * certificate, and the device's signed Profile Service answers. Variants break one thing each.
 */
public final class TestDeviceChain {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final X509Certificate intermediate;
    private final KeyPair deviceKeys;
    private final X509Certificate device;

    private TestDeviceChain(KeyPair caKeys, X509Certificate ca, X509Certificate intermediate, KeyPair deviceKeys,
                            X509Certificate device) {
        this.caKeys = caKeys;
        this.ca = ca;
        this.intermediate = intermediate;
        this.deviceKeys = deviceKeys;
        this.device = device;
    }

    /** CA → intermediate (a CA) → device, as Apple's chain has it. */
    public static TestDeviceChain create() {
        return create(true);
    }

    /** CA → "intermediate" that is not a CA → device: the device certificate must be refused. */
    public static TestDeviceChain withIntermediateThatIsNotCa() {
        return create(false);
    }

    private static TestDeviceChain create(boolean intermediateIsCa) {
        KeyPair caKeys = keys();
        X509Certificate ca = certificate("CN=Slipway Test Device Root CA", caKeys.getPublic(), "CN=Slipway Test Device Root CA",
                caKeys.getPrivate(), true);
        KeyPair intermediateKeys = keys();
        X509Certificate intermediate = certificate("CN=Slipway Test iPhone Device CA", intermediateKeys.getPublic(),
                "CN=Slipway Test Device Root CA", caKeys.getPrivate(), intermediateIsCa);
        KeyPair deviceKeys = keys();
        X509Certificate device = certificate("CN=0028864F-4A2C-4C23-997D-E73E4A0838D3", deviceKeys.getPublic(),
                "CN=Slipway Test iPhone Device CA", intermediateKeys.getPrivate(), false);
        return new TestDeviceChain(caKeys, ca, intermediate, deviceKeys, device);
    }

    /** A device certificate that signed itself, claiming the same name as this chain's device. */
    public TestDeviceChain selfSignedDevice() {
        KeyPair own = keys();
        X509Certificate self = certificate("CN=Slipway Test iPhone Device CA", own.getPublic(), "CN=Slipway Test iPhone Device CA",
                own.getPrivate(), false);
        return new TestDeviceChain(caKeys, ca, intermediate, own, self);
    }

    public X509Certificate ca() {
        return ca;
    }

    /** The CA certificate as PEM, as {@code slipway local --device-ca} reads it. */
    public String caPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(ca);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** The answer an iPhone sends: the attributes and challenge as an XML plist, signed by the device, with the intermediate. */
    public byte[] answer(Map<String, String> attributes) {
        return sign(plist(attributes));
    }

    /** Signs any content as the device, with the intermediate certificate attached. */
    public byte[] sign(byte[] content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(DeviceAnchors.BC).build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(DeviceAnchors.BC)
                            .build(deviceKeys.getPrivate()), device));
            List<X509Certificate> certificates = new ArrayList<>(List.of(device, intermediate));
            generator.addCertificates(new JcaCertStore(certificates));
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attributes a phone sends, plus the challenge. */
    public static Map<String, String> iphone15Pro(String challenge) {
        return Map.of("UDID", "00008130-001A2B3C4D5E6F70", "PRODUCT", "iPhone16,1", "VERSION", "21A329",
                "SERIAL", "F2LXK0ABCDEF", "DEVICE_NAME", "Ada's iPhone", "CHALLENGE", challenge);
    }

    public static byte[] plist(Map<String, String> attributes) {
        NSDictionary dictionary = new NSDictionary();
        attributes.forEach((key, value) -> dictionary.put(key, new NSString(value)));
        return dictionary.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey issuerKey,
                                               boolean isCa) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), new X500Name(subject), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            return new JcaX509CertificateConverter().setProvider(DeviceAnchors.BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(DeviceAnchors.BC).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.slipway.enrol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs profiles with the operator's certificate (CMS SignedData, content included), so iOS shows
 * the profile as "Verified" when that certificate chains to a root the device trusts (a TLS
 * certificate from a public CA does). Without one, profiles go out unsigned and iOS labels them
 * "Not Verified" — they work the same.
 */
public final class ProfileSigner {
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private ProfileSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /**
     * @param certificatesPem the signing certificate first, then any intermediates, PEM
     * @param keyPem its private key, PEM (PKCS#8, or PKCS#1 / SEC1 key pair), unencrypted
     * @return the signer
     * @throws IllegalArgumentException describing what is wrong, never quoting the key
     */
    public static ProfileSigner fromPem(String certificatesPem, String keyPem) {
        List<X509Certificate> chain;
        try {
            chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(certificatesPem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("profile signing certificate is not PEM X.509");
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("profile signing certificate is empty");
        }
        PrivateKey key;
        try (PEMParser parser = new PEMParser(new StringReader(keyPem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(DeviceAnchors.BC);
            if (parsed instanceof PEMKeyPair pair) {
                key = converter.getKeyPair(pair).getPrivate();
            } else if (parsed instanceof PrivateKeyInfo info) {
                key = converter.getPrivateKey(info);
            } else {
                throw new IllegalArgumentException("profile signing key is not an unencrypted PEM private key");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("profile signing key is not readable PEM");
        }
        return new ProfileSigner(key, chain);
    }

    /** The signing certificate's subject, for the start-up log line. */
    public String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /**
     * @param profile the unsigned profile
     * @return CMS SignedData (DER) carrying the profile
     */
    public byte[] sign(byte[] profile) {
        try {
            String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(DeviceAnchors.BC).build())
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(DeviceAnchors.BC).build(key), chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(profile), true).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("profile signing failed: " + e.getMessage(), e);
        }
    }
}

package dev.slipway.enrol;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
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
     * @param pem the signing certificate, then any intermediates, and its unencrypted private key
     *     (PKCS#8, or a PKCS#1 / SEC1 key pair), all PEM, in one string (one secret)
     * @return the signer
     * @throws IllegalArgumentException describing what is wrong, never quoting the key
     */
    public static ProfileSigner fromPem(String pem) {
        List<X509Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter().setProvider(DeviceAnchors.BC);
        JcaX509CertificateConverter certificates = new JcaX509CertificateConverter().setProvider(DeviceAnchors.BC);
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                if (block instanceof X509CertificateHolder certificate) {
                    chain.add(certificates.getCertificate(certificate));
                } else if (block instanceof PEMKeyPair pair) {
                    key = keys.getKeyPair(pair).getPrivate();
                } else if (block instanceof PrivateKeyInfo info) {
                    key = keys.getPrivateKey(info);
                } else {
                    throw new IllegalArgumentException("profile signing PEM holds a block that is neither a certificate "
                            + "nor an unencrypted private key");
                }
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("profile signing PEM is not readable");
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("profile signing PEM has no certificate");
        }
        if (key == null) {
            throw new IllegalArgumentException("profile signing PEM has no private key");
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

package dev.slipway.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class ProfileSignerTest {

    @Test
    void sign_operatorCertificate_wrapsTheProfileInVerifiableCms() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        X509Certificate certificate = new JcaX509CertificateConverter().setProvider(DeviceAnchors.BC).getCertificate(
                new JcaX509v3CertificateBuilder(new X500Name("CN=install.example.com"), BigInteger.ONE,
                        Date.from(Instant.now()), Date.from(Instant.now().plusSeconds(86400)),
                        new X500Name("CN=install.example.com"), keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        ProfileSigner signer = ProfileSigner.fromPem(pem(certificate) + pem(keys.getPrivate()));
        byte[] profile = ProfileService.mobileconfig(URI.create("https://install.example.com/enrol/answer"), "c",
                "install.example.com");

        CMSSignedData signed = new CMSSignedData(signer.sign(profile));

        assertThat((byte[]) signed.getSignedContent().getContent()).isEqualTo(profile);
        SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder holder = (X509CertificateHolder) signed.getCertificates().getMatches(info.getSID()).iterator().next();
        assertThat(info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(DeviceAnchors.BC).build(holder))).isTrue();
        assertThat(signer.subject()).isEqualTo("CN=install.example.com");
    }

    @Test
    void fromPem_certificateWithoutKey_saysSo() {
        assertThatThrownBy(() -> ProfileSigner.fromPem(pem(TestDeviceChain.create().ca())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("profile signing PEM has no private key");
    }

    private static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}

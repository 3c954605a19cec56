package dev.slipway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTlsTest {
    @TempDir
    Path dir;

    private LocalTls generate(List<String> names) throws Exception {
        return LocalTls.generated(dir.resolve("tls"), names, Clock.systemUTC());
    }

    private static List<String> names(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(entry -> String.valueOf(entry.get(1))).toList();
    }

    @Test
    void generated_firstStart_makesAnAuthorityAndAServerCertificateForTheNames() throws Exception {
        LocalTls tls = generate(List.of("192.168.1.20", "localhost", "127.0.0.1"));

        X509Certificate server = tls.certificate();
        assertThat(tls.generated()).isTrue();
        server.verify(tls.trustAnchor().getPublicKey());
        assertThat(names(server)).containsExactly("192.168.1.20", "localhost", "127.0.0.1");
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(tls.trustAnchor().getBasicConstraints()).isZero();
        // iOS accepts TLS server certificates valid at most 825 days.
        long days = (server.getNotAfter().getTime() - server.getNotBefore().getTime()) / 86_400_000L;
        assertThat(days).isLessThanOrEqualTo(825);
    }

    @Test
    void generated_sameNames_reusesBothCertificates() throws Exception {
        LocalTls first = generate(List.of("192.168.1.20", "localhost"));

        LocalTls second = generate(List.of("192.168.1.20", "localhost"));

        assertThat(second.trustAnchor()).isEqualTo(first.trustAnchor());
        assertThat(second.certificate()).isEqualTo(first.certificate());
    }

    @Test
    void generated_newHostName_reissuesTheServerCertificateFromTheSameAuthority() throws Exception {
        // given a device that already trusts the authority
        LocalTls first = generate(List.of("192.168.1.20", "localhost"));

        // when the machine's address changes
        LocalTls second = generate(List.of("10.0.0.7", "localhost"));

        // then only the server certificate is new
        assertThat(second.trustAnchor()).isEqualTo(first.trustAnchor());
        assertThat(second.certificate()).isNotEqualTo(first.certificate());
        assertThat(names(second.certificate())).contains("10.0.0.7");
    }

    @Test
    void fromPem_keyOfAnotherCertificate_isRefused() throws Exception {
        // given a certificate and someone else's key
        LocalTls tls = generate(List.of("localhost"));
        Path cert = Files.writeString(dir.resolve("cert.pem"), LocalTls.pem(tls.certificate()));
        Path key = dir.resolve("key.pem");
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(key, StandardCharsets.US_ASCII))) {
            writer.writeObject(new JcaPKCS8Generator(KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate(), null));
        }

        // when / then
        assertThatThrownBy(() -> LocalTls.fromPem(cert, key)).isInstanceOf(LocalStackException.class)
                .hasMessage("the key in --tls-key " + key + " does not match the certificate in --tls-cert " + cert);
    }

    @Test
    void fromPem_encryptedKey_asksForItDecrypted() throws Exception {
        LocalTls tls = generate(List.of("localhost"));
        Path cert = Files.writeString(dir.resolve("cert.pem"), LocalTls.pem(tls.certificate()));
        Path key = dir.resolve("key.pem");
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(key, StandardCharsets.US_ASCII))) {
            writer.writeObject(new JcaPKCS8Generator(KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCSObjectIdentifiers.des_EDE3_CBC)
                            .setProvider(new BouncyCastleProvider()).setPassword("secret".toCharArray()).build()));
        }

        assertThatThrownBy(() -> LocalTls.fromPem(cert, key)).isInstanceOf(LocalStackException.class)
                .hasMessage("the key in --tls-key " + key + " is encrypted: decrypt it first (openssl pkey -in " + key
                        + " -out key.pem)");
    }

    @Test
    void fromPem_noCertificateInTheFile_namesIt() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "not PEM at all\n");

        assertThatThrownBy(() -> LocalTls.fromPem(cert, cert)).isInstanceOf(LocalStackException.class)
                .hasMessage("no certificate in --tls-cert " + cert);
    }
}

package dev.slipway.local;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The certificate both HTTPS endpoints of the local stack serve (pages and S3), and what a client
 * must trust to reach them.
 *
 * <p>Either the user's own PEM files ({@code --tls-cert}, {@code --tls-key}), so testers' devices
 * install with a certificate they already trust; or a generated pair kept in the data folder: a
 * small certificate authority, created once, which a device can be told to trust, and a server
 * certificate it signs for the names in use, reissued when a name is added (a new LAN address)
 * without the device having to trust anything new. The server certificate follows what iOS asks
 * of TLS certificates: subject alternative names, the serverAuth purpose, at most 825 days.
 */
public final class LocalTls {
    /** The CA's own file, which devices download to trust it. */
    public static final String CA_FILE = "ca.pem";
    private static final String CA_KEY_FILE = "ca-key.pem";
    private static final String SERVER_FILE = "server.pem";
    private static final String SERVER_KEY_FILE = "server-key.pem";
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration SERVER_LIFETIME = Duration.ofDays(397);
    /** A server certificate this close to its end is reissued at start. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final char[] STORE_PASSWORD = "slipway".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Path caFile;

    private LocalTls(PrivateKey key, List<X509Certificate> chain, Path caFile) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.caFile = caFile;
    }

    /**
     * The generated pair in {@code dir}: the CA is created on first use and kept; the server
     * certificate is reused while it names every one of {@code names} and has a month left.
     *
     * @param names host names and IPv4 addresses the server certificate must cover
     * @throws LocalStackException naming the file if the folder's certificates cannot be read or written
     */
    public static LocalTls generated(Path dir, Collection<String> names, Clock clock) throws LocalStackException {
        Set<String> wanted = new LinkedHashSet<>(names);
        Path caFile = dir.resolve(CA_FILE);
        try {
            Files.createDirectories(dir);
            Material ca = Files.exists(caFile) ? Material.read(caFile, dir.resolve(CA_KEY_FILE))
                    : Material.write(caFile, dir.resolve(CA_KEY_FILE), authority(clock));
            Path serverFile = dir.resolve(SERVER_FILE);
            Path serverKeyFile = dir.resolve(SERVER_KEY_FILE);
            Material server = Files.exists(serverFile) ? Material.read(serverFile, serverKeyFile) : null;
            if (server == null || !reusable(server.certificates().get(0), ca.certificates().get(0), wanted, clock)) {
                server = Material.write(serverFile, serverKeyFile, issue(ca, wanted, clock));
            }
            return new LocalTls(server.key(), List.of(server.certificates().get(0), ca.certificates().get(0)), caFile);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new LocalStackException("cannot prepare the TLS certificate in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The user's certificate chain (leaf first, as in a {@code fullchain.pem}) and private key
     * (PKCS#8, or PKCS#1 / SEC1 as OpenSSL writes them; not encrypted).
     *
     * @throws LocalStackException naming the file if it holds no certificate, no usable key, an
     *     encrypted key, or a key that does not match the certificate
     */
    public static LocalTls fromPem(Path certFile, Path keyFile) throws LocalStackException {
        List<X509Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        try {
            for (Object object : pemObjects(certFile)) {
                if (object instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
            if (chain.isEmpty()) {
                throw new LocalStackException("no certificate in --tls-cert " + certFile);
            }
            for (Object object : pemObjects(keyFile)) {
                if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new LocalStackException("the key in --tls-key " + keyFile + " is encrypted: decrypt it first "
                            + "(openssl pkey -in " + keyFile + " -out key.pem)");
                }
                if (object instanceof PEMKeyPair pair) {
                    key = privateKey(pair);
                    break;
                }
                if (object instanceof PrivateKeyInfo info) {
                    key = new JcaPEMKeyConverter().getPrivateKey(info);
                    break;
                }
            }
        } catch (IOException | CertificateException e) {
            throw new LocalStackException("cannot read " + (chain.isEmpty() ? "--tls-cert " + certFile
                    : "--tls-key " + keyFile) + ": " + e.getMessage(), e);
        }
        if (key == null) {
            throw new LocalStackException("no private key in --tls-key " + keyFile);
        }
        if (!matches(key, chain.get(0))) {
            throw new LocalStackException("the key in --tls-key " + keyFile + " does not match the certificate in --tls-cert "
                    + certFile);
        }
        return new LocalTls(key, chain, null);
    }

    /** Whether this is the generated pair (devices must be told to trust {@link #caFile()}). */
    public boolean generated() {
        return caFile != null;
    }

    /** The generated CA's PEM file, or null for the user's certificate. */
    public Path caFile() {
        return caFile;
    }

    /** The server certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The last certificate of the chain: the generated CA, or the top of the user's chain. */
    public X509Certificate trustAnchor() {
        return chain.get(chain.size() - 1);
    }

    /** For the servers: this key and chain. */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("slipway", key, STORE_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK refused a key it generated or parsed: " + e.getMessage(), e);
        }
    }

    /** A client context that trusts exactly {@code anchor}: for tools and tests that talk to the stack. */
    public static SSLContext trusting(X509Certificate anchor) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("slipway-local", anchor);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store in memory: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the first certificate of a PEM file (the generated CA, for clients).
     *
     * @throws LocalStackException naming the file if it cannot be read or holds no certificate
     */
    public static X509Certificate readCertificate(Path file) throws LocalStackException {
        try {
            for (Object object : pemObjects(file)) {
                if (object instanceof X509CertificateHolder holder) {
                    return new JcaX509CertificateConverter().getCertificate(holder);
                }
            }
        } catch (IOException | CertificateException e) {
            throw new LocalStackException("cannot read " + file + ": " + e.getMessage(), e);
        }
        throw new LocalStackException("no certificate in " + file);
    }

    /** The certificate as PEM text. */
    public static String pem(X509Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return text.toString();
    }

    private static List<Object> pemObjects(Path file) throws IOException {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        }
        return objects;
    }

    /**
     * The private half of an OpenSSL key pair (PKCS#1, SEC1). SEC1 may omit the public key, so
     * the private key info is converted on its own.
     */
    private static PrivateKey privateKey(PEMKeyPair pair) throws IOException {
        return new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
    }

    /** Signs and verifies a few bytes: the one check that works for every key type. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "slipway".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean reusable(X509Certificate server, X509Certificate ca, Set<String> names, Clock clock) {
        try {
            server.verify(ca.getPublicKey());
            server.checkValidity(Date.from(clock.instant().plus(RENEW_BEFORE)));
            Set<String> covered = new LinkedHashSet<>();
            if (server.getSubjectAlternativeNames() != null) {
                server.getSubjectAlternativeNames().forEach(entry -> covered.add(String.valueOf(entry.get(1))));
            }
            return covered.containsAll(names);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Material authority(Clock clock) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        KeyPair pair = keyPair();
        Instant now = clock.instant();
        X500Name name = new X500Name("CN=Slipway local CA (" + hostName() + "),O=Slipway local");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_LIFETIME)), name, pair.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
        return new Material(pair.getPrivate(), List.of(sign(builder, pair.getPrivate())));
    }

    private static Material issue(Material ca, Set<String> names, Clock clock) throws GeneralSecurityException,
            OperatorCreationException, IOException {
        KeyPair pair = keyPair();
        Instant now = clock.instant();
        X509Certificate caCertificate = ca.certificates().get(0);
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            alternatives.add(IPV4.matcher(name).matches() || name.contains(":")
                    ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(name).getHostAddress())
                    : new GeneralName(GeneralName.dNSName, name));
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(SERVER_LIFETIME)),
                new X500Name("CN=" + names.iterator().next() + ",O=Slipway local"), pair.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(alternatives.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCertificate));
        return new Material(pair.getPrivate(), List.of(sign(builder, ca.key())));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, CertificateException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    /** P-256: what every iOS and browser accepts, and quick to generate. */
    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[,=+<>#;\"\\\\]", "");
        } catch (IOException e) {
            return "this machine";
        }
    }

    /** A key and its certificate, as kept in two PEM files (the key owner-only). */
    private record Material(PrivateKey key, List<X509Certificate> certificates) {
        static Material read(Path certFile, Path keyFile) throws IOException, CertificateException {
            List<X509Certificate> certificates = new ArrayList<>();
            PrivateKey key = null;
            for (Object object : pemObjects(certFile)) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
            for (Object object : pemObjects(keyFile)) {
                if (object instanceof PrivateKeyInfo info) {
                    key = new JcaPEMKeyConverter().getPrivateKey(info);
                } else if (object instanceof PEMKeyPair pair) {
                    key = privateKey(pair);
                }
            }
            if (certificates.isEmpty() || key == null) {
                throw new IOException(certFile + " or " + keyFile + " is incomplete; delete both to regenerate them");
            }
            return new Material(key, certificates);
        }

        static Material write(Path certFile, Path keyFile, Material material) throws IOException {
            Files.deleteIfExists(keyFile);
            Files.createFile(keyFile);
            LocalSecrets.ownerOnly(keyFile);
            try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII))) {
                // PKCS#8 ("PRIVATE KEY"): written as a PrivateKeyInfo, an EC key would become SEC1
                // without its public half, which reads back as an incomplete key pair.
                writer.writeObject(new JcaPKCS8Generator(material.key(), null));
            }
            try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(certFile, StandardCharsets.US_ASCII))) {
                writer.writeObject(material.certificates().get(0));
            }
            return material;
        }
    }
}

package dev.slipway.enrol;

import dev.slipway.http.RefusedRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * The certificate authorities whose device certificates may sign an answer.
 *
 * <p>Apple's are fixed: "Apple iPhone Device CA", which issues every iPhone's and iPad's identity
 * certificate, under "Apple iPhone Certification Authority" under "Apple Root CA". The three are
 * resource files copied from a public repository, zentralopensource/zentral, file
 * {@code zentral/contrib/mdm/assets/Apple_iPhone_Device_CA_Fullchain.pem} (commit 212b48e8); their
 * SHA-256 fingerprints are pinned here, and the chain between them is checked when loaded (Apple
 * Root CA's fingerprint is the one apple.com/certificateauthority publishes). The device CA itself
 * is the anchor, not Apple Root CA: every Apple developer's certificate also chains to Apple Root
 * CA, and must not pass as a device.
 *
 * <p>Validity dates are not checked anywhere in a chain: Apple's profile-service guide says device
 * certificates under "Apple iPhone Device CA" must be evaluated ignoring them (the CA expired in
 * 2014 and phones still sign with certificates it issued). Everything else is: each signature,
 * each issuer being a CA allowed to sign certificates, path length constraints.
 *
 * <p>A test authority can be ADDED ({@link #withTestAuthority}) for the local stack and tests; it
 * never replaces Apple's, and nothing in a deployment adds one.
 */
public final class DeviceAnchors {
    static final String APPLE_ROOT_CA_SHA256 = "b0b1730ecbc7ff4505142c49f1295e6eda6bcaed7e2c68c5be91b5a11001f024";
    static final String APPLE_IPHONE_CA_SHA256 = "e4e2936d3c076ec4aea8ac37277524950ca005894b39bba2d347fa33155ae5fa";
    static final String APPLE_IPHONE_DEVICE_CA_SHA256 = "76f27d00e1333bc88de0e2916c38c9a7f2b75774c25a794c092a80e3c4c66cce";
    /** The longest chain looked for between a device certificate and an anchor. */
    private static final int MAX_INTERMEDIATES = 3;
    static final Provider BC = new BouncyCastleProvider();

    private final List<X509CertificateHolder> anchors;

    private DeviceAnchors(List<X509CertificateHolder> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /**
     * Apple's device CA, checked against the pinned fingerprints and chained to Apple Root CA.
     *
     * @throws IllegalStateException if a resource is missing, altered or does not chain (a broken build)
     */
    public static DeviceAnchors apple() {
        X509CertificateHolder root = pinned("apple-root-ca.pem", APPLE_ROOT_CA_SHA256);
        X509CertificateHolder iphoneCa = pinned("apple-iphone-certification-authority.pem", APPLE_IPHONE_CA_SHA256);
        X509CertificateHolder deviceCa = pinned("apple-iphone-device-ca.pem", APPLE_IPHONE_DEVICE_CA_SHA256);
        if (!signedBy(root, root) || !signedBy(iphoneCa, root) || !signedBy(deviceCa, iphoneCa)
                || !isCertificateAuthority(iphoneCa) || !isCertificateAuthority(deviceCa)) {
            throw new IllegalStateException("Apple's device CA resources do not chain to Apple Root CA");
        }
        return new DeviceAnchors(List.of(deviceCa));
    }

    /**
     * These anchors plus a test authority (the local stack's {@code --device-ca}, tests).
     *
     * @param authority a CA certificate
     * @return new anchors holding every current one and the authority
     * @throws IllegalArgumentException if it is not a certificate authority
     */
    public DeviceAnchors withTestAuthority(X509Certificate authority) {
        X509CertificateHolder holder = holder(authority);
        if (!isCertificateAuthority(holder)) {
            throw new IllegalArgumentException("test device CA " + holder.getSubject()
                    + " is not a certificate authority (basicConstraints CA:TRUE with keyCertSign)");
        }
        List<X509CertificateHolder> more = new ArrayList<>(anchors);
        more.add(holder);
        return new DeviceAnchors(more);
    }

    /** How many anchors there are (1 for Apple's alone). */
    public int size() {
        return anchors.size();
    }

    /**
     * Checks that a signer certificate chains to one of the anchors, through certificates the
     * device sent.
     *
     * @param signer the certificate that signed the answer
     * @param sent every certificate in the answer
     * @throws RefusedRequestException (403) naming the first link that fails
     */
    void check(X509CertificateHolder signer, Collection<X509CertificateHolder> sent) throws RefusedRequestException {
        X509CertificateHolder current = signer;
        for (int depth = 0; depth <= MAX_INTERMEDIATES; depth++) {
            for (X509CertificateHolder anchor : anchors) {
                if (anchor.getSubject().equals(current.getIssuer()) && signedBy(current, anchor)) {
                    checkPathLength(anchor, depth);
                    return;
                }
            }
            X509CertificateHolder issuer = null;
            for (X509CertificateHolder candidate : sent) {
                if (candidate.getSubject().equals(current.getIssuer()) && !candidate.equals(current)
                        && signedBy(current, candidate)) {
                    issuer = candidate;
                    break;
                }
            }
            if (issuer == null) {
                throw new RefusedRequestException(403, "signer does not chain to a device CA: issuer "
                        + current.getIssuer() + " of " + current.getSubject() + " is unknown");
            }
            if (!isCertificateAuthority(issuer)) {
                throw new RefusedRequestException(403, "signer's chain has an issuer that is not a CA: "
                        + issuer.getSubject());
            }
            checkPathLength(issuer, depth);
            current = issuer;
        }
        throw new RefusedRequestException(403, "signer's chain is longer than " + MAX_INTERMEDIATES + " intermediates");
    }

    /** {@code depth} is how many intermediates lie below this CA in the chain. */
    private static void checkPathLength(X509CertificateHolder ca, int depth) throws RefusedRequestException {
        BasicConstraints constraints = BasicConstraints.fromExtensions(ca.getExtensions());
        if (constraints != null && constraints.getPathLenConstraint() != null
                && constraints.getPathLenConstraint().intValue() < depth) {
            throw new RefusedRequestException(403, "signer's chain exceeds the path length of " + ca.getSubject());
        }
    }

    static boolean isCertificateAuthority(X509CertificateHolder certificate) {
        BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
        KeyUsage usage = KeyUsage.fromExtensions(certificate.getExtensions());
        return constraints != null && constraints.isCA() && (usage == null || usage.hasUsages(KeyUsage.keyCertSign));
    }

    static boolean signedBy(X509CertificateHolder child, X509CertificateHolder parent) {
        try {
            // BouncyCastle, not the JDK's path validator: Apple's device chain is SHA-1 with RSA, which
            // the JDK's certificate path policy refuses.
            return child.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(parent));
        } catch (CertException | OperatorCreationException | CertificateException | RuntimeException e) {
            return false;
        }
    }

    static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage());
        }
    }

    private static X509CertificateHolder pinned(String resource, String sha256) {
        try (InputStream in = DeviceAnchors.class.getResourceAsStream("anchors/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource anchors/" + resource);
            }
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            if (!actual.equals(sha256)) {
                throw new IllegalStateException("anchors/" + resource + " has SHA-256 " + actual + ", pinned " + sha256);
            }
            return holder(certificate);
        } catch (IOException | CertificateException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read anchors/" + resource + ": " + e.getMessage());
        }
    }
}

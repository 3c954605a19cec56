package dev.slipway.local;

import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.device.Challenges;
import dev.slipway.device.DeviceStore;
import dev.slipway.device.DeviceTokens;
import dev.slipway.enrol.DeviceAnchors;
import dev.slipway.enrol.DeviceAnswers;
import dev.slipway.enrol.EnrolService;
import dev.slipway.enrol.SiteOrigin;
import dev.slipway.storage.SdkObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local stack's device enrolment: the enrol function's service with Apple's device CA, plus a
 * test CA when {@code --device-ca} names one (added, never instead; off unless asked for), so the
 * whole "Check this device" flow can be played without a phone. Profiles are served unsigned.
 */
final class LocalEnrolment {
    private LocalEnrolment() {
    }

    /**
     * @param deviceCa a PEM CA certificate to add, or null
     * @param pages the stack's one origin (its --host and port)
     * @param console where the stack's start-up lines go: a test CA is announced there
     * @throws LocalStackException if the file is unreadable, not a certificate, or not a CA
     */
    static EnrolService service(KeyRing keys, S3Client s3, String bucket, Path deviceCa, URI pages, Clock clock,
                                Consumer<String> console) throws LocalStackException {
        DeviceAnchors anchors = DeviceAnchors.apple();
        if (deviceCa != null) {
            X509Certificate authority = read(deviceCa);
            try {
                anchors = anchors.withTestAuthority(authority);
            } catch (IllegalArgumentException e) {
                throw new LocalStackException("--device-ca " + deviceCa + ": " + e.getMessage());
            }
            console.accept("Device enrolment also accepts devices certified by the TEST authority "
                    + authority.getSubjectX500Principal().getName() + " (--device-ca " + deviceCa + ").");
        }
        return new EnrolService(new LinkSigner(keys, clock), new Challenges(keys, clock, Challenges.DEFAULT_TTL),
                new DeviceTokens(keys, clock), new DeviceAnswers(anchors), new DeviceStore(new SdkObjectStore(s3, bucket)), Optional.empty(),
                clock, SiteOrigin.fixed(pages));
    }

    private static X509Certificate read(Path file) throws LocalStackException {
        if (!Files.isRegularFile(file)) {
            throw new LocalStackException("--device-ca " + file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new LocalStackException("--device-ca " + file + ": not a PEM or DER X.509 certificate");
        }
    }
}

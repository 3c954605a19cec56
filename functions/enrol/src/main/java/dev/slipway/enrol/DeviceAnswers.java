package dev.slipway.enrol;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import dev.slipway.device.DeviceAttributes;
import dev.slipway.http.RefusedRequestException;
import dev.slipway.ipa.PropertyLists;
import java.security.PublicKey;
import java.util.Collection;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Reads a device's answer to a Profile Service profile: a CMS SignedData (DER) whose content is an
 * XML plist of the requested attributes plus {@code CHALLENGE}, signed with the device's identity
 * certificate. Accepted only if it is at most {@value #MAX_BYTES} bytes, has exactly one signer
 * whose signature over the content verifies, and that signer chains to a {@link DeviceAnchors
 * device CA}.
 */
public final class DeviceAnswers {
    /** A real answer is 3 to 6 KB (content, device certificate and its CA); 64 KB is generous. */
    public static final int MAX_BYTES = 64 * 1024;

    private final DeviceAnchors anchors;

    public DeviceAnswers(DeviceAnchors anchors) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
    }

    /**
     * @param body the POST body, DER
     * @return what the device signed
     * @throws RefusedRequestException 413 if too large, 400 if not a well-formed answer, 403 if the
     *     signature or chain fails
     */
    public SignedAnswer read(byte[] body) throws RefusedRequestException {
        if (body.length > MAX_BYTES) {
            throw new RefusedRequestException(413, "answer is " + body.length + " bytes, at most " + MAX_BYTES);
        }
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(body);
        } catch (Exception e) {
            throw new RefusedRequestException(400, "answer is not CMS SignedData");
        }
        if (cms.getSignedContent() == null || !(cms.getSignedContent().getContent() instanceof byte[] content)) {
            throw new RefusedRequestException(400, "answer carries no signed content");
        }
        if (cms.getSignerInfos().size() != 1) {
            throw new RefusedRequestException(400, "answer has " + cms.getSignerInfos().size() + " signers, not one");
        }
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new RefusedRequestException(403, "answer does not carry its signer's certificate");
        }
        X509CertificateHolder signerCertificate = matches.iterator().next();
        verifySignature(signer, signerCertificate);
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> sent = cms.getCertificates().getMatches(null);
        anchors.check(signerCertificate, sent);
        return parse(content);
    }

    private static void verifySignature(SignerInformation signer, X509CertificateHolder certificate)
            throws RefusedRequestException {
        boolean valid;
        try {
            // From the public key, not the certificate: BouncyCastle would otherwise compare the
            // signing time with the certificate's validity, which Apple says to ignore for device
            // certificates.
            PublicKey key = new JcaX509CertificateConverter().setProvider(DeviceAnchors.BC).getCertificate(certificate)
                    .getPublicKey();
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(DeviceAnchors.BC).build(key));
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw new RefusedRequestException(403, "answer's signature does not match its content");
        }
    }

    private static SignedAnswer parse(byte[] content) throws RefusedRequestException {
        NSObject root;
        try {
            root = PropertyLists.parseXml(content);
        } catch (Exception e) {
            throw new RefusedRequestException(400, "answer's content is not an XML property list");
        }
        if (!(root instanceof NSDictionary dictionary)) {
            throw new RefusedRequestException(400, "answer's content is not a dictionary");
        }
        String challenge = string(dictionary, "CHALLENGE");
        if (challenge == null) {
            throw new RefusedRequestException(403, "answer carries no CHALLENGE");
        }
        try {
            return new SignedAnswer(new DeviceAttributes(string(dictionary, "UDID"), string(dictionary, "PRODUCT"),
                    string(dictionary, "VERSION"), string(dictionary, "DEVICE_NAME")), challenge);
        } catch (IllegalArgumentException e) {
            throw new RefusedRequestException(400, "answer's " + e.getMessage());
        }
    }

    private static String string(NSDictionary dictionary, String key) {
        return dictionary.objectForKey(key) instanceof NSString value ? value.getContent() : null;
    }
}

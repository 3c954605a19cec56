package dev.slipway.cli;

import dev.slipway.ipa.profile.DeveloperCertificate;
import dev.slipway.ipa.profile.ProvisioningProfile;
import java.util.Optional;

/**
 * Which of a profile's certificates signed the app. codesign accepts only a certificate the
 * profile lists, so a profile with one certificate names the signer. With several, the signer is
 * recorded only in the main binary's code signature (a CMS blob at its end); the reader reads no
 * more than the binary's first bytes, so then the signer is unknown rather than guessed.
 */
final class SigningCertificate {
    static final String UNKNOWN = "which one is recorded only in the binary's code signature, which is not read";

    private SigningCertificate() {
    }

    /** The certificate that signed the app, when the profile alone tells; empty otherwise. */
    static Optional<DeveloperCertificate> of(ProvisioningProfile profile) {
        if (profile == null || profile.certificates().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(profile.certificates().get(0));
    }
}

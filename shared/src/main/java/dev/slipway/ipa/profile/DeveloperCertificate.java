package dev.slipway.ipa.profile;

import java.time.Instant;

/**
 * One signing certificate a provisioning profile accepts ({@code DeveloperCertificates}).
 *
 * @param subject the subject distinguished name in RFC 2253 form
 * @param commonName the subject CN, e.g. {@code Apple Distribution: Example Ltd (AB12CD34EF)}, or
 *     {@code null} when the subject has none
 * @param serialNumber upper-case hexadecimal, padded to whole bytes as {@code openssl x509 -serial} prints it
 * @param notBefore start of validity
 * @param expiresAt end of validity ({@code notAfter})
 * @param sha1Fingerprint upper-case hexadecimal SHA-1 of the DER encoding, without separators, as
 *     {@code security find-identity} prints it
 */
public record DeveloperCertificate(String subject, String commonName, String serialNumber, Instant notBefore,
        Instant expiresAt, String sha1Fingerprint) {
}

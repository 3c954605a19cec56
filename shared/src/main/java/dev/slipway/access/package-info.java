/**
 * Who may open a page or download a build: signed, expiring, revocable link tokens.
 *
 * <p>iOS's installer fetches the manifest and the IPA in an ephemeral session, without cookies, so
 * every URL carries its own token, and tokens are verified without any lookup: {@link
 * dev.slipway.access.LinkSigner} signs and verifies them with a {@link dev.slipway.access.KeyRing}
 * read from the signing secret. A page token lives days ({@link dev.slipway.access.Purpose#PAGE});
 * each page view mints minutes-long {@code MANIFEST} and {@code PACKAGE} tokens for the build it
 * shows. The install function answers every {@link dev.slipway.access.InvalidTokenException} with
 * the same 404 page as an unknown build, whatever its reason, except an expired link, which gets
 * 410 ("this link has expired"). For {@code /b/{id}?t=…} (this example is compiled and run by
 * {@code PackageInfoExampleTest}):
 *
 * <pre>{@code
 * LinkToken token = signer.verify(t, Purpose.PAGE); // refused: 404, or 410 if EXPIRED
 * BuildRecord build = catalog.build(id).orElseThrow(); // none: the same 404
 * policy.checkBuild(token, id, build.bundleId(), build.channel()); // revoked or foreign: 404
 * }</pre>
 *
 * <h2>Token format, version 1</h2>
 *
 * <p>The token is the base64url encoding, without padding, of these bytes (so only
 * {@code A-Z a-z 0-9 - _}, safe in a path segment or query value without escaping):
 *
 * <pre>
 * offset  size  field
 * 0       1     version, 0x01; a new layout gets a new version
 * 1       1     key id length n, 1..16
 * 2       n     key id, ASCII A-Z a-z 0-9 _ -
 * 2+n     1     purpose: 1 PAGE, 2 MANIFEST, 3 PACKAGE
 * 3+n     4     issued at, epoch seconds, unsigned big-endian (to 2106)
 * 7+n     4     lifetime in seconds, unsigned big-endian; expires at = issued at + lifetime
 * 11+n    1     scope kind: 1 build, 2 app and channel, 3 app on every channel
 * 12+n    ...   scope fields, each one length byte then that many UTF-8 bytes:
 *                 build id | bundle id, channel | bundle id
 * end-16  16    HMAC-SHA256(key, every byte above), its first 16 bytes
 * </pre>
 *
 * <p>Example: key bytes {@code 00 01 … 1f} as {@code k1}, a page link to build
 * {@code 01JN8ZQ6V3B4K7M2P9R5T8W1XY} issued 2025-03-01T10:00:00Z for 30 days is 57 bytes, 76
 * characters:
 *
 * <pre>
 * 01 02 6b 31 01 67 c2 da a0 00 27 8d 00 01 1a 30 31 4a 4e … 58 59 | 92 0a 0a 17 … f1 68
 * AQJrMQFnwtqgACeNAAEaMDFKTjhaUTZWM0I0SzdNMlA5UjVUOFcxWFmSCgoX0eSUrX-7_Ih43vFo
 * </pre>
 *
 * <p>Verification checks, in order: at most 512 characters of the base64url alphabet, in canonical
 * form (before decoding anything); version; a known key id; the tag, compared in constant time
 * over the exact bytes received; then the signed fields: purpose, lifetime within the purpose's
 * maximum, issue time at most five minutes ahead of the clock, and expiry. Revocation is a separate
 * step, {@link dev.slipway.access.AccessPolicy}, because it needs the build the token leads to.
 */
package dev.slipway.access;

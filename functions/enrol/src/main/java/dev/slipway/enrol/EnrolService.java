package dev.slipway.enrol;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.LinkToken;
import dev.slipway.access.Purpose;
import dev.slipway.device.Challenge;
import dev.slipway.device.Challenges;
import dev.slipway.device.Device;
import dev.slipway.device.DeviceStore;
import dev.slipway.device.DeviceStoreException;
import dev.slipway.device.DeviceTokens;
import dev.slipway.device.EnrolmentLink;
import dev.slipway.http.HttpRequest;
import dev.slipway.http.RefusedRequestException;
import dev.slipway.log.Log;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Device enrolment, the two requests of Apple's Profile Service flow:
 *
 * <pre>
 * GET  /enrol/b/{build}?t=…, /enrol/a/{bundleId}[/{channel}]?t=…
 *        the Profile Service .mobileconfig for that page (page token checked), with a challenge
 *        bound to this site and that page, valid {@link Challenges#DEFAULT_TTL}
 * POST /enrol/answer
 *        the device's signed answer: verified, stored under devices/, then 301 to the page with
 *        {@code device=} a device token
 * </pre>
 *
 * Every refusal is a 4xx with one line in the log naming the failed check; nothing is stored.
 */
public final class EnrolService {
    public static final String PREFIX = "/enrol";
    public static final String ANSWER_PATH = PREFIX + "/answer";
    /** The query parameter carrying the device token back to the page. */
    public static final String DEVICE_PARAM = "device";
    private static final Log LOG = Log.of(EnrolService.class);

    private final LinkSigner links;
    private final Challenges challenges;
    private final DeviceTokens tokens;
    private final DeviceAnswers answers;
    private final DeviceStore store;
    private final Optional<ProfileSigner> profileSigner;
    private final Clock clock;
    private final SiteOrigin site;

    /**
     * @param profileSigner signs profiles, or empty to serve them unsigned ("Not Verified" on iOS)
     * @param site which site a request came to
     */
    public EnrolService(LinkSigner links, Challenges challenges, DeviceTokens tokens, DeviceAnswers answers,
                        DeviceStore store, Optional<ProfileSigner> profileSigner, Clock clock, SiteOrigin site) {
        this.links = Objects.requireNonNull(links, "links");
        this.challenges = Objects.requireNonNull(challenges, "challenges");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.store = Objects.requireNonNull(store, "store");
        this.profileSigner = Objects.requireNonNull(profileSigner, "profileSigner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.site = Objects.requireNonNull(site, "site");
    }

    /** Answers one request; never throws. */
    public EnrolResponse handle(HttpRequest request) {
        try {
            if (request.path().equals(ANSWER_PATH)) {
                if (!request.method().equals("POST")) {
                    return methodNotAllowed("POST");
                }
                return answer(request);
            }
            if (request.path().startsWith(PREFIX + "/")) {
                if (!request.method().equals("GET")) {
                    return methodNotAllowed("GET");
                }
                return profile(request);
            }
            return EnrolResponse.text(404, "Not found");
        } catch (RuntimeException | DeviceStoreException e) {
            LOG.error("enrol.failed", e, "method", request.method(),
                    "route", request.path().equals(ANSWER_PATH) ? ANSWER_PATH : PREFIX + "/…");
            return EnrolResponse.text(500, "Something went wrong on the server");
        }
    }

    private EnrolResponse profile(HttpRequest request) {
        EnrolmentLink link;
        URI origin;
        try {
            origin = site.of(request);
            link = new EnrolmentLink(request.path().substring(PREFIX.length()), request.query().getOrDefault("t", ""));
            checkPageToken(link);
        } catch (RefusedRequestException e) {
            LOG.info("profile.refused", "status", e.status(), "reason", e.getMessage());
            return EnrolResponse.text(e.status(), "Not allowed");
        } catch (IllegalArgumentException | InvalidTokenException e) {
            LOG.info("profile.refused", "status", 404, "reason", (e instanceof InvalidTokenException t ? t.reason() + " " : "")
                    + e.getMessage());
            return EnrolResponse.text(404, "Not found");
        }
        byte[] profile = ProfileService.mobileconfig(origin.resolve(ANSWER_PATH), challenges.issue(origin.getAuthority(), link),
                origin.getAuthority());
        byte[] body = profileSigner.map(signer -> signer.sign(profile)).orElse(profile);
        LOG.info("profile.serve", "link", link.path(), "signed", profileSigner.isPresent());
        EnrolResponse response = EnrolResponse.of(200, ProfileService.CONTENT_TYPE, body);
        response.headers().put("Content-Disposition", "attachment; filename=\"check-this-device.mobileconfig\"");
        return response;
    }

    /**
     * The page token must be genuine and fit the page; whether it still reaches the build (revoked,
     * another app's build) is the install function's check when the device comes back.
     */
    private void checkPageToken(EnrolmentLink link) throws InvalidTokenException {
        LinkToken token = links.verify(link.pageToken(), Purpose.PAGE);
        boolean fits = token.scope() instanceof BuildScope build ? build.buildId().equals(link.buildId())
                : token.scope() instanceof AppScope app && (link.buildId() != null || app.bundleId().equals(link.bundleId()));
        if (!fits) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "page token is not for " + link.path());
        }
    }

    private EnrolResponse answer(HttpRequest request) throws DeviceStoreException {
        SignedAnswer answer;
        Challenge challenge;
        URI origin;
        try {
            origin = site.of(request);
            answer = answers.read(request.body());
            try {
                challenge = challenges.verify(answer.challenge(), origin.getAuthority());
            } catch (InvalidTokenException e) {
                throw new RefusedRequestException(403, "challenge refused: " + e.reason() + " " + e.getMessage());
            }
        } catch (RefusedRequestException e) {
            LOG.info("answer.refused", "status", e.status(), "reason", e.getMessage());
            return EnrolResponse.text(e.status(), "This device could not be checked.");
        }
        Instant now = clock.instant();
        String path = challenge.link().path();
        Device device = store.find(Device.idOf(answer.attributes().udid()))
                .map(known -> known.again(answer.attributes(), path, now))
                .orElseGet(() -> Device.enrolled(answer.attributes(), path, now));
        store.put(device);
        LOG.info("device.enrol", "deviceId", device.id(), "product", device.product(), "link", path);
        return EnrolResponse.movedPermanently(challenge.link().url(origin.toString()) + "&" + DEVICE_PARAM + "="
                + tokens.issue(device.id()));
    }

    private static EnrolResponse methodNotAllowed(String allowed) {
        EnrolResponse response = EnrolResponse.text(405, "Not allowed");
        response.headers().put("Allow", allowed);
        return response;
    }
}

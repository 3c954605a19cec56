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
import dev.slipway.log.Log;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

    private final LinkSigner links;
    private final Challenges challenges;
    private final DeviceTokens tokens;
    private final DeviceAnswers answers;
    private final DeviceStore store;
    private final Optional<ProfileSigner> profileSigner;
    private final Clock clock;
    private final String customDomain;

    /**
     * @param profileSigner signs profiles, or empty to serve them unsigned ("Not Verified" on iOS)
     * @param customDomain the custom domain CloudFront serves, or "" (see {@link #origin})
     */
    public EnrolService(LinkSigner links, Challenges challenges, DeviceTokens tokens, DeviceAnswers answers,
                        DeviceStore store, Optional<ProfileSigner> profileSigner, Clock clock, String customDomain) {
        this.links = Objects.requireNonNull(links, "links");
        this.challenges = Objects.requireNonNull(challenges, "challenges");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.store = Objects.requireNonNull(store, "store");
        this.profileSigner = Objects.requireNonNull(profileSigner, "profileSigner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.customDomain = customDomain == null ? "" : customDomain;
    }

    /** Answers one request; never throws. */
    public EnrolResponse handle(EnrolRequest request) {
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
            LOG.error(request.method() + " " + (request.path().equals(ANSWER_PATH) ? ANSWER_PATH : PREFIX + "/…")
                    + " failed: " + e);
            return EnrolResponse.text(500, "Something went wrong on the server");
        }
    }

    private EnrolResponse profile(EnrolRequest request) {
        EnrolmentLink link;
        try {
            link = new EnrolmentLink(request.path().substring(PREFIX.length()), request.query().getOrDefault("t", ""));
            checkPageToken(link);
        } catch (IllegalArgumentException | InvalidTokenException e) {
            LOG.info("GET " + PREFIX + "/… refused: " + (e instanceof InvalidTokenException t ? t.reason() + " " : "")
                    + e.getMessage());
            return EnrolResponse.text(404, "Not found");
        }
        URI origin = origin(request);
        byte[] profile = ProfileService.mobileconfig(origin.resolve(ANSWER_PATH), challenges.issue(origin.getAuthority(), link),
                origin.getAuthority());
        byte[] body = profileSigner.map(signer -> signer.sign(profile)).orElse(profile);
        LOG.info("profile served link=" + link.path() + (profileSigner.isPresent() ? " signed" : " unsigned"));
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

    private EnrolResponse answer(EnrolRequest request) throws DeviceStoreException {
        SignedAnswer answer;
        Challenge challenge;
        try {
            answer = answers.read(request.body());
            try {
                challenge = challenges.verify(answer.challenge(), origin(request).getAuthority());
            } catch (InvalidTokenException e) {
                throw new AnswerRejectedException(403, "challenge refused: " + e.reason() + " " + e.getMessage());
            }
        } catch (AnswerRejectedException e) {
            LOG.info("POST " + ANSWER_PATH + " refused (" + e.status() + "): " + e.getMessage());
            return EnrolResponse.text(e.status(), "This device could not be checked.");
        }
        Instant now = clock.instant();
        String path = challenge.link().path();
        Device device = store.find(Device.idOf(answer.attributes().udid()))
                .map(known -> known.again(answer.attributes(), path, now))
                .orElseGet(() -> Device.enrolled(answer.attributes(), path, now));
        store.put(device);
        LOG.info("device enrolled device=" + device.id() + " product=" + device.product() + " link=" + path);
        return EnrolResponse.movedPermanently(challenge.link().url(origin(request).toString()) + "&" + DEVICE_PARAM + "="
                + tokens.issue(device.id()));
    }

    private static EnrolResponse methodNotAllowed(String allowed) {
        EnrolResponse response = EnrolResponse.text(405, "Not allowed");
        response.headers().put("Allow", allowed);
        return response;
    }

    /**
     * The https origin the visitor used, as the install function works it out: behind CloudFront
     * the viewer's host arrives as {@code x-forwarded-host}, trusted only for the CloudFront or
     * custom domain.
     */
    URI origin(EnrolRequest request) {
        String forwarded = request.header("x-forwarded-host");
        String host = request.header("host");
        String chosen = forwarded != null && (forwarded.endsWith(".cloudfront.net") || forwarded.equalsIgnoreCase(customDomain))
                ? forwarded : host;
        if (chosen == null || !HOST.matcher(chosen).matches()) {
            throw new IllegalStateException("request has no usable Host header");
        }
        return URI.create("https://" + chosen);
    }
}

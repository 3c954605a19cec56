package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.access.InvalidTokenException.Reason;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The install function's sequence: verify the token, find the build, check the build. */
class AccessPolicyTest {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String APP = "com.example.app";

    final MutableClock clock = new MutableClock(T0);
    final LinkSigner signer = new LinkSigner(KeyRing.generate(), clock);
    final InMemoryRevocations revocations = new InMemoryRevocations();
    final AccessPolicy policy = new AccessPolicy(revocations);

    @Test
    void checkBuild_buildTokenForThatBuild_passes() throws Exception {
        // given
        LinkToken token = pageToken(new BuildScope("b1"));

        // when / then
        assertThatCode(() -> policy.checkBuild(token, "b1", APP, "beta")).doesNotThrowAnyException();
    }

    @Test
    void checkBuild_buildTokenForAnotherBuild_isWrongScope() throws Exception {
        // given
        LinkToken token = pageToken(new BuildScope("b1"));

        // when / then
        assertRejected(() -> policy.checkBuild(token, "b2", APP, "beta"), Reason.WRONG_SCOPE,
                "PAGE token for build \"b1\" does not cover build \"b2\" of app \"com.example.app\" "
                + "channel \"beta\"");
    }

    @Test
    void checkBuild_appChannelToken_coversThatChannelOnly() throws Exception {
        // given
        LinkToken token = pageToken(new AppScope(APP, "beta"));

        // when / then
        assertThatCode(() -> policy.checkBuild(token, "b1", APP, "beta")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.checkBuild(token, "b2", APP, "prod"))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessage("PAGE token for app \"com.example.app\" channel \"beta\" does not cover build \"b2\" "
                        + "of app \"com.example.app\" channel \"prod\"");
        assertThat(reasonOf(() -> policy.checkBuild(token, "b3", "com.example.other", "beta")))
                .isEqualTo(Reason.WRONG_SCOPE);
    }

    @Test
    void checkBuild_appTokenForEveryChannel_coversBuildsWithAndWithoutChannel() throws Exception {
        // given
        LinkToken token = pageToken(AppScope.allChannels(APP));

        // when / then
        assertThatCode(() -> policy.checkBuild(token, "b1", APP, "beta")).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkBuild(token, "b2", APP, null)).doesNotThrowAnyException();
    }

    @Test
    void checkBuild_buildRevokedAfterTheTokenWasIssued_isRevoked() throws Exception {
        // given
        LinkToken token = pageToken(new BuildScope("b1"));
        revocations.revoke(new BuildScope("b1"), T0.plusSeconds(60));

        // when / then
        assertRejected(() -> policy.checkBuild(token, "b1", APP, "beta"), Reason.REVOKED,
                "PAGE token for build \"b1\" issued at 2025-03-01T10:00:00Z is revoked: "
                + "build \"b1\" revoked at 2025-03-01T10:01:00Z");
    }

    @Test
    void checkBuild_tokenIssuedOneSecondAfterTheRevocation_passes() throws Exception {
        // given
        revocations.revoke(new BuildScope("b1"), T0);
        clock.advance(Duration.ofSeconds(1));
        LinkToken token = pageToken(new BuildScope("b1"));

        // when / then
        assertThatCode(() -> policy.checkBuild(token, "b1", APP, "beta")).doesNotThrowAnyException();
    }

    @Test
    void checkBuild_tokenIssuedInTheSecondOfTheRevocation_isRevoked() throws Exception {
        // given: revoked at 10:00:00.500, signed at 10:00:00.900 (issued 10:00:00 once truncated)
        revocations.revoke(new BuildScope("b1"), T0.plusMillis(500));
        clock.set(T0.plusMillis(900));
        LinkToken token = pageToken(new BuildScope("b1"));

        // when / then
        assertThat(reasonOf(() -> policy.checkBuild(token, "b1", APP, "beta"))).isEqualTo(Reason.REVOKED);
    }

    @Test
    void checkBuild_appRevoked_killsBuildPageLinksOfThatAppOnly() throws Exception {
        // given
        LinkToken ofApp = pageToken(new BuildScope("b1"));
        LinkToken ofOtherApp = pageToken(new BuildScope("b9"));
        revocations.revoke(AppScope.allChannels(APP), T0.plusSeconds(1));

        // when / then
        assertThat(rejection(() -> policy.checkBuild(ofApp, "b1", APP, "beta")))
                .hasMessage("PAGE token for build \"b1\" issued at 2025-03-01T10:00:00Z is revoked: "
                + "app \"com.example.app\" (every channel) revoked at 2025-03-01T10:00:01Z");
        assertThatCode(() -> policy.checkBuild(ofOtherApp, "b9", "com.example.other", "beta"))
                .doesNotThrowAnyException();
    }

    @Test
    void checkBuild_appRevoked_killsAppLinksOfEveryChannelAndBuildsWithoutChannel() throws Exception {
        // given
        LinkToken channelLink = pageToken(new AppScope(APP, "beta"));
        LinkToken appLink = pageToken(AppScope.allChannels(APP));
        revocations.revoke(AppScope.allChannels(APP), T0);

        // when / then
        assertThat(reasonOf(() -> policy.checkBuild(channelLink, "b1", APP, "beta"))).isEqualTo(Reason.REVOKED);
        assertThat(reasonOf(() -> policy.checkBuild(appLink, "b2", APP, null))).isEqualTo(Reason.REVOKED);
    }

    @Test
    void checkBuild_channelRevoked_killsLinksReachingThatChannelOnly() throws Exception {
        // given
        LinkToken betaBuild = pageToken(new BuildScope("b1"));
        LinkToken prodBuild = pageToken(new BuildScope("b2"));
        LinkToken appLink = pageToken(AppScope.allChannels(APP));
        revocations.revoke(new AppScope(APP, "beta"), T0);

        // when / then
        assertThat(reasonOf(() -> policy.checkBuild(betaBuild, "b1", APP, "beta"))).isEqualTo(Reason.REVOKED);
        assertThat(reasonOf(() -> policy.checkBuild(appLink, "b1", APP, "beta"))).isEqualTo(Reason.REVOKED);
        assertThatCode(() -> policy.checkBuild(prodBuild, "b2", APP, "prod")).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkBuild(appLink, "b2", APP, "prod")).doesNotThrowAnyException();
    }

    @Test
    void checkBuild_buildRevoked_alsoRefusesAnOlderAppLinkReachingIt() throws Exception {
        // given
        LinkToken appLink = pageToken(AppScope.allChannels(APP));
        revocations.revoke(new BuildScope("b1"), T0);

        // when / then
        assertThat(reasonOf(() -> policy.checkBuild(appLink, "b1", APP, "beta"))).isEqualTo(Reason.REVOKED);
        assertThatCode(() -> policy.checkBuild(appLink, "b2", APP, "beta")).doesNotThrowAnyException();
    }

    @Test
    void checkBuild_packageTokenMintedBeforeTheBuildWasRevoked_isRevoked() throws Exception {
        // given
        LinkToken packageToken = signer.verify(signer.sign(new BuildScope("b1"), Purpose.PACKAGE), Purpose.PACKAGE);
        revocations.revoke(new BuildScope("b1"), T0.plusSeconds(30));
        clock.advance(Duration.ofMinutes(1));

        // when / then
        assertThatThrownBy(() -> policy.checkBuild(packageToken, "b1", APP, "beta"))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessage("PACKAGE token for build \"b1\" issued at 2025-03-01T10:00:00Z is revoked: "
                        + "build \"b1\" revoked at 2025-03-01T10:00:30Z");
    }

    @Test
    void checkBuild_nothingRevoked_passes() throws Exception {
        // given
        AccessPolicy open = new AccessPolicy(Revocations.none());
        LinkToken token = pageToken(new AppScope(APP, "beta"));

        // when / then
        assertThatCode(() -> open.checkBuild(token, "b1", APP, "beta")).doesNotThrowAnyException();
    }

    @Test
    void checkScope_appRevoked_refusesAChannelLinkEvenWithoutABuild() throws Exception {
        // given
        LinkToken channelLink = pageToken(new AppScope(APP, "beta"));
        revocations.revoke(AppScope.allChannels(APP), T0);

        // when / then
        assertThatThrownBy(() -> policy.checkScope(channelLink))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessage("PAGE token for app \"com.example.app\" channel \"beta\" issued at 2025-03-01T10:00:00Z "
                        + "is revoked: app \"com.example.app\" (every channel) revoked at 2025-03-01T10:00:00Z");
    }

    @Test
    void checkScope_otherChannelRevoked_passes() throws Exception {
        // given
        LinkToken channelLink = pageToken(new AppScope(APP, "beta"));
        revocations.revoke(new AppScope(APP, "prod"), T0);

        // when / then
        assertThatCode(() -> policy.checkScope(channelLink)).doesNotThrowAnyException();
    }

    @Test
    void revoke_earlierInstantAfterALaterOne_doesNotReviveLinks() throws Exception {
        // given
        LinkToken token = pageToken(new BuildScope("b1"));
        revocations.revoke(new BuildScope("b1"), T0.plusSeconds(10));

        // when
        revocations.revoke(new BuildScope("b1"), T0.minusSeconds(10));

        // then
        assertThat(revocations.revokedBefore(new BuildScope("b1"))).contains(T0.plusSeconds(10));
        assertThat(reasonOf(() -> policy.checkBuild(token, "b1", APP, "beta"))).isEqualTo(Reason.REVOKED);
    }

    @Test
    void checkBuild_buildIdWithALineBreak_keepsTheMessageOnOneLine() throws Exception {
        // given
        LinkToken token = pageToken(new BuildScope("b1"));

        // when / then
        assertThat(rejection(() -> policy.checkBuild(token, "b2\nINFO forged", APP, null)))
                .hasMessage("PAGE token for build \"b1\" does not cover build \"b2\\u000aINFO forged\" "
                + "of app \"com.example.app\" (every channel)");
    }

    /** The check refuses the token for this reason, with exactly this message. */
    private static void assertRejected(ThrowingCallable check, Reason reason, String message) {
        InvalidTokenException e = rejection(check);
        assertThat(e).extracting(InvalidTokenException::reason).isEqualTo(reason);
        assertThat(e).hasMessage(message);
    }

    /** Why the check refuses the token (failing if it does not refuse it). */
    private static Reason reasonOf(ThrowingCallable check) {
        InvalidTokenException e = rejection(check);
        assertThat(e).as("refused").isNotNull();
        return e.reason();
    }

    /** What the check throws for a token it must refuse. */
    private static InvalidTokenException rejection(ThrowingCallable check) {
        return catchThrowableOfType(InvalidTokenException.class, check);
    }

    private LinkToken pageToken(Scope scope) throws InvalidTokenException {
        return signer.verify(signer.sign(scope, Purpose.PAGE), Purpose.PAGE);
    }
}

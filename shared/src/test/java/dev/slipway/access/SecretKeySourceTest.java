package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SecretKeySourceTest {
    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final KeyRing first = KeyRing.generate();
    private final KeyRing rotated = KeyRing.of("k2", java.util.Map.of("k1", new byte[32], "k2", new byte[32]));

    /** Answers each read with the next value (the last one repeats); throws while unreachable, as the SDK would. */
    private static final class Secret implements Supplier<String> {
        final Deque<String> answers = new ArrayDeque<>();
        boolean unreachable;
        int reads;

        /** A secret that reads as each of these in turn, then as the last one for good. */
        static Secret answering(String... values) {
            Secret secret = new Secret();
            secret.answers.addAll(java.util.List.of(values));
            return secret;
        }

        @Override
        public String get() {
            reads++;
            String next = answers.size() > 1 ? answers.poll() : answers.peek();
            if (unreachable || next == null) {
                throw new IllegalStateException("Unable to execute HTTP request: Connect timed out");
            }
            return next;
        }
    }

    @Test
    void keys_withinTtl_readTheSecretOnce() {
        Secret secret = Secret.answering(first.toSecretJson());
        SecretKeySource source = new SecretKeySource(secret, clock);

        source.keys();
        clock.advance(SecretKeySource.TTL.minusSeconds(1));
        KeyRing keys = source.keys();

        assertThat(secret.reads).isEqualTo(1);
        assertThat(keys.keyIds()).isEqualTo(first.keyIds());
    }

    @Test
    void keys_afterTtl_pickUpARotationWithoutARestart() {
        Secret secret = Secret.answering(first.toSecretJson(), rotated.toSecretJson());
        SecretKeySource source = new SecretKeySource(secret, clock);
        assertThat(source.keys().currentKeyId()).isEqualTo("k1");

        clock.advance(SecretKeySource.TTL);

        assertThat(source.keys().currentKeyId()).isEqualTo("k2");
        assertThat(secret.reads).isEqualTo(2);
    }

    @Test
    void keys_rereadFails_keepServingTheOldKeysAndRetryLater() {
        Secret secret = Secret.answering(first.toSecretJson());
        SecretKeySource source = new SecretKeySource(secret, clock);
        source.keys();
        clock.advance(SecretKeySource.TTL);
        secret.unreachable = true;

        KeyRing during = source.keys();
        clock.advance(SecretKeySource.RETRY.minusSeconds(1));
        source.keys();

        assertThat(during.currentKeyId()).isEqualTo("k1");
        assertThat(secret.reads).isEqualTo(2);
        secret.unreachable = false;
        secret.answers.clear();
        secret.answers.add(rotated.toSecretJson());
        clock.advance(Duration.ofSeconds(1));
        assertThat(source.keys().currentKeyId()).isEqualTo("k2");
    }

    @Test
    void expire_asAfterASnapStartRestore_rereadsAtOnce() {
        Secret secret = Secret.answering(first.toSecretJson(), rotated.toSecretJson());
        SecretKeySource source = new SecretKeySource(secret, clock);
        source.keys();

        source.expire();

        assertThat(source.keys().currentKeyId()).isEqualTo("k2");
    }

    @Test
    void keys_neverReadable_failsNamingTheCauseNotTheValue() {
        Secret unreachable = new Secret();
        SecretKeySource source = new SecretKeySource(unreachable, clock);

        assertThatThrownBy(source::keys).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read the link-signing secret: Unable to execute HTTP request: Connect timed out");
    }

    @Test
    void keys_secretTooShort_failsWithoutShowingIt() {
        Secret secret = Secret.answering("tooshort");
        SecretKeySource source = new SecretKeySource(secret, clock);

        assertThatThrownBy(source::keys).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the link-signing secret: ")
                .message().doesNotContain("tooshort");
    }

    @Test
    void linkSigner_secretRotated_verifiesOldLinksAndSignsWithTheNewKey() throws Exception {
        Secret secret = new Secret();
        KeyRing before = KeyRing.of("k1", java.util.Map.of("k1", new byte[32]));
        byte[] k2 = new byte[32];
        k2[0] = 7;
        KeyRing after = KeyRing.of("k2", java.util.Map.of("k1", new byte[32], "k2", k2));
        secret.answers.add(before.toSecretJson());
        secret.answers.add(after.toSecretJson());
        LinkSigner signer = new LinkSigner(new SecretKeySource(secret, clock), clock);
        String old = signer.sign(new BuildScope("abcdefghijklmnopqrst"), Purpose.PAGE);

        clock.advance(SecretKeySource.TTL);
        String fresh = signer.sign(new BuildScope("abcdefghijklmnopqrst"), Purpose.PAGE);

        assertThat(signer.verify(fresh, Purpose.PAGE).keyId()).isEqualTo("k2");
        assertThat(signer.verify(old, Purpose.PAGE).scope()).isEqualTo(new BuildScope("abcdefghijklmnopqrst"));
    }
}

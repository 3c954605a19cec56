package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.access.KeyRing;
import dev.slipway.fixtures.TestSecretsManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkKeysTest {
    @TempDir
    Path dir;

    @Test
    void resolve_fileWithTheSecretsValue_isTheKeyRing() throws Exception {
        KeyRing keys = KeyRing.generate();
        Path file = Files.writeString(dir.resolve("keys.json"), keys.toSecretJson() + "\n");

        KeyRing read = LinkKeys.resolve(file, "ignored when a file is given", null, null);

        assertThat(read.keyIds()).containsExactly("k1");
        assertThat(read.toSecretJson()).isEqualTo(keys.toSecretJson());
    }

    @Test
    void resolve_environmentValueTooShort_saysSoWithoutEchoingIt() {
        assertThatThrownBy(() -> LinkKeys.resolve(null, "short-secret", null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("SLIPWAY_LINK_KEYS holds no usable link keys: signing secret is too short: 12 characters, "
                        + "at least 32 needed");
    }

    @Test
    void resolve_missingFile_namesIt() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> LinkKeys.resolve(missing, null, null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("cannot read --keys-file " + missing + " (NoSuchFileException)");
    }

    @Test
    void resolve_nothingConfigured_isNull() throws Exception {
        assertThat(LinkKeys.resolve(null, " ", null, null)).isNull();
    }

    @Test
    void resolve_secretArn_readsTheSecretWithTheSdk() throws Exception {
        // given Secrets Manager (a stand-in endpoint: this checks the CLI's client wiring), reached as
        // the SDK's configuration would reach it, with credentials from the default chain
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:LinkSecret-AbCdEf";
        KeyRing keys = KeyRing.generate();
        try (TestSecretsManager secretsManager = TestSecretsManager.start()) {
            secretsManager.answerSecretString(arn, keys.toSecretJson());
            KeyRing read = withSystemProperties(Map.of("aws.endpointUrlSecretsManager", secretsManager.endpoint().toString(),
                    "aws.accessKeyId", "AKIDTEST", "aws.secretAccessKey", "secret"),
                    () -> LinkKeys.resolve(null, null, arn, "eu-west-1"));

            assertThat(read.toSecretJson()).isEqualTo(keys.toSecretJson());
            assertThat(secretsManager.requests()).singleElement().asString()
                    .startsWith("POST secretsmanager.GetSecretValue ").endsWith("signed=true");
        }
    }

    @Test
    void resolve_secretArnNotFound_namesTheSecretAndTheServicesReason() throws Exception {
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:Gone-AbCdEf";
        try (TestSecretsManager secretsManager = TestSecretsManager.start()) {
            secretsManager.answer(400, "{\"__type\":\"ResourceNotFoundException\","
                    + "\"Message\":\"Secrets Manager can't find the specified secret.\"}");

            assertThatThrownBy(() -> withSystemProperties(Map.of("aws.endpointUrlSecretsManager",
                    secretsManager.endpoint().toString(), "aws.accessKeyId", "AKIDTEST", "aws.secretAccessKey", "secret"),
                    () -> LinkKeys.resolve(null, null, arn, "eu-west-1")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("cannot read secret " + arn + ": Secrets Manager can't find the specified secret.");
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws Exception;
    }

    /** The SDK reads its endpoint and credentials settings from system properties at client creation. */
    private static <T> T withSystemProperties(Map<String, String> properties, Call<T> call) throws Exception {
        properties.forEach(System::setProperty);
        try {
            return call.run();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }
}

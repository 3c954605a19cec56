package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The link-signing secret: generated when the stack is created, never a value in the template. */
class SecretTemplateTest {
    private final Template template = Template.load();
    private final Stack stack = new Stack(template);

    @Test
    void linkSecret_isGeneratedAtDeployTime() {
        // when
        Map<String, Object> secret = stack.properties("LinkSecret");
        // then: 64 characters, and no punctuation so it can never read as the JSON key-ring form
        assertThat(template.type("LinkSecret")).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(secret).doesNotContainKey("SecretString");
        assertThat(secret.get("GenerateSecretString")).isEqualTo(Map.of("PasswordLength", 64, "ExcludePunctuation", true));
    }

    @Test
    void linkKeys_reachInstall_onlyAsAReferenceToTheGeneratedSecret() {
        // given
        Stack rotated = new Stack(template, Map.of("LinkKeysVersion", "2"));
        // when
        Object keys = Nodes.at(stack.function("InstallFunction"), "Environment", "Variables", "SLIPWAY_LINK_KEYS");
        Object version = Nodes.at(rotated.function("InstallFunction"), "Environment", "Variables",
                "SLIPWAY_LINK_KEYS_VERSION");
        // then: CloudFormation resolves the reference at deploy time; no parameter or default feeds it
        assertThat(keys).isEqualTo("{{resolve:secretsmanager:{LinkSecret}:SecretString}}");
        assertThat(version).isEqualTo("2");
        // The ingest signs the install-page links of its build-ready notices with the same keys.
        assertThat(Nodes.at(stack.function("IngestFunction"), "Environment", "Variables", "SLIPWAY_LINK_KEYS"))
                .isEqualTo(keys);
        assertThat(Nodes.at(rotated.function("IngestFunction"), "Environment", "Variables", "SLIPWAY_LINK_KEYS_VERSION"))
                .isEqualTo("2");
        assertThat(Nodes.at(stack.function("NotifyFunction"), "Environment", "Variables", "SLIPWAY_LINK_KEYS")).isNull();
    }
}

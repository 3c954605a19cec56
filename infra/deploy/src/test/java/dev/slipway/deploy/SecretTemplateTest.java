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
    void linkKeys_reachInstall_asTheSecretsArnOnly() {
        // when
        Object arn = Nodes.at(stack.function("InstallFunction"), "Environment", "Variables", "SLIPWAY_LINK_SECRET_ARN");
        // then: the function reads the value itself; no environment holds it or a reference resolved into it
        assertThat(arn).isEqualTo("{LinkSecret}");
        for (String function : new String[] {"IngestFunction", "InstallFunction"}) {
            Object variables = Nodes.at(stack.function(function), "Environment", "Variables");
            assertThat(String.valueOf(variables)).as(function).doesNotContain("resolve:secretsmanager")
                    .doesNotContain("SLIPWAY_LINK_KEYS");
        }
        assertThat(template.section("Parameters")).doesNotContainKey("LinkKeysVersion");
    }
}

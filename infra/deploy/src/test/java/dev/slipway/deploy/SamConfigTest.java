package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** samconfig.toml: defaults that deploy into any account and region, and say what they create. */
class SamConfigTest {
    @Test
    void deployDefaults_acknowledgeIamAndAskFirst_andNameNoRegionOrAccount() throws IOException {
        // given
        List<String> lines = Files.readAllLines(Repository.root().resolve("samconfig.toml"), StandardCharsets.UTF_8);
        // when
        Map<String, String> settings = settings(lines);
        // then
        assertThat(settings).containsEntry("default.global.parameters.stack_name", "\"slipway\"")
                .containsEntry("default.deploy.parameters.capabilities", "\"CAPABILITY_IAM\"")
                .containsEntry("default.deploy.parameters.confirm_changeset", "true")
                .containsEntry("default.deploy.parameters.resolve_s3", "true")
                .containsEntry("default.validate.parameters.lint", "true");
        assertThat(settings.keySet()).noneMatch(key -> key.endsWith(".region") || key.endsWith(".profile"));
        assertThat(settings.values()).noneMatch(value -> value.matches(".*\\b[0-9]{12}\\b.*"));
    }

    /** {@code table.key} → raw value, for the flat tables and {@code key = value} lines SAM writes. */
    private static Map<String, String> settings(List<String> lines) {
        Map<String, String> settings = new LinkedHashMap<>();
        String table = "";
        for (String line : lines) {
            String text = line.strip();
            if (text.startsWith("[") && text.endsWith("]")) {
                table = text.substring(1, text.length() - 1) + ".";
            } else if (!text.isEmpty() && !text.startsWith("#") && text.contains("=")) {
                int equals = text.indexOf('=');
                settings.put(table + text.substring(0, equals).strip(), text.substring(equals + 1).strip());
            }
        }
        return settings;
    }
}

package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.access.KeyRing;
import java.nio.file.Files;
import java.nio.file.Path;
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
}

package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code slipway inspect}'s plain arguments, read without picocli ({@link InspectCommand#fromPlainArguments}):
 * each form it accepts is read exactly as picocli reads it, and every other form is left to picocli.
 */
class InspectArgumentsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "inspect a.ipa",
        "inspect a.ipa --json",
        "inspect --json a.ipa",
        "inspect a.ipa --stats --check",
        "inspect --check --json --stats a.ipa",
        "inspect a.ipa --icon out.png",
        "inspect --icon out.png a.ipa --json",
        "inspect a.ipa --icon=out.png --check",
        "inspect dir/with.dots/My App.ipa --json",
    })
    void fromPlainArguments_plainForm_readAsPicocliReadsIt(String line) {
        String[] args = split(line);

        Optional<InspectCommand> plain = InspectCommand.fromPlainArguments(args);

        assertThat(plain).isPresent();
        InspectCommand picocli = parsedByPicocli(args);
        assertThat(plain.get().file).isEqualTo(picocli.file);
        assertThat(plain.get().iconOut).isEqualTo(picocli.iconOut);
        assertThat(plain.get().json).isEqualTo(picocli.json);
        assertThat(plain.get().stats).isEqualTo(picocli.stats);
        assertThat(plain.get().check).isEqualTo(picocli.check);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "inspect",
        "inspect --json",
        "inspect a.ipa b.ipa",
        "inspect a.ipa --json --json",
        "inspect a.ipa --icon",
        "inspect a.ipa --icon --json",
        "inspect a.ipa --icon x.png --icon y.png",
        "inspect a.ipa --icon=x.png --icon y.png",
        "inspect a.ipa --help",
        "inspect -h a.ipa",
        "inspect a.ipa -V",
        "inspect a.ipa --version",
        "inspect a.ipa --jsn",
        "inspect a.ipa --json=true",
        "inspect -- a.ipa",
        "inspect @args.txt",
        "inspect a.ipa --icon @out.png",
        "inspect a.ipa --icon=",
        "inspect -a.ipa",
        "local a.ipa",
        "--help inspect",
        "help inspect",
    })
    void fromPlainArguments_anyOtherForm_leftToPicocli(String line) {
        assertThat(InspectCommand.fromPlainArguments(split(line))).isEmpty();
    }

    @Test
    void fromPlainArguments_emptyOrNulArgument_leftToPicocli() {
        assertThat(InspectCommand.fromPlainArguments("inspect", "")).isEmpty();
        assertThat(InspectCommand.fromPlainArguments("inspect", "a\0.ipa")).isEmpty();
        assertThat(InspectCommand.fromPlainArguments("inspect", "a.ipa", "--icon", "b\0.png")).isEmpty();
    }

    private static InspectCommand parsedByPicocli(String[] args) {
        CommandLine.ParseResult parsed = Slipway.commandLine().parseArgs(args);
        return (InspectCommand) parsed.subcommand().commandSpec().userObject();
    }

    /** Words split on spaces, except inside the one name with a space ("My App.ipa"). */
    private static String[] split(String line) {
        return Arrays.stream(line.replace("My App", "My\u0001App").split(" "))
                .map(word -> word.replace('\u0001', ' ')).toArray(String[]::new);
    }
}

package dev.slipway.ipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, "make it stay fixed": the generated hostile corpus through the real reader in a JVM
 * with a 64 MB heap. Every input ends in a result or an {@link InvalidIpaException} with a one-line
 * reason, each within the time bound, and the figures are printed for the README.
 */
class HostileCorpusTest {
    static final int BIT_FLIPS = 200;
    /** Far below the ingest's 120 s timeout, with room for a machine under load. */
    static final long BOUND_MILLIS = 10_000;

    @Test
    void read_hostileCorpusIn64MbHeap_everyInputEndsInAResultOrAOneLineReason() throws Exception {
        // given a JVM of its own with a 64 MB heap
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), HostileCorpusRun.class.getName(), String.valueOf(BIT_FLIPS))
                .redirectErrorStream(true).start();

        // when it reads every input
        byte[] output;
        try {
            output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> lines = Arrays.asList(new String(output, StandardCharsets.UTF_8).split("\n"));

        // then it ran to the end, nothing crashed, and nothing took longer than the bound
        String summary = lines.stream().filter(line -> line.startsWith("SUMMARY")).findFirst().orElseThrow(
                () -> new AssertionError(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()))));
        lines.stream().filter(line -> line.startsWith("OUTCOME") || line.startsWith("SUMMARY")).forEach(System.out::println);
        assertThat(process.exitValue()).isZero();
        assertThat(lines).filteredOn(line -> line.contains("\tCRASH")).isEmpty();
        assertThat(summary).contains("\tcrashes=0\t");
        for (String line : lines) {
            String[] fields = line.split("\t");
            if (fields.length == 5 && !line.startsWith("OUTCOME")) {
                assertThat(Long.parseLong(fields[3])).as(line).isLessThan(BOUND_MILLIS);
            }
        }
        assertThat(lines).filteredOn(line -> line.startsWith("honest\t")).singleElement().asString()
                .contains("\tread\t");
    }
}

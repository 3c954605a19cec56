package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.catalog.BuildRecord;
import dev.slipway.local.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, defect 5: 20 parallel publishes of different builds, all named {@code App.ipa}, to one
 * channel made 5 builds; 15 uploads were superseded silently and 17 publishes timed out. On the
 * versioned local bucket every upload is its own version, its own build and its own receipt.
 */
class ConcurrentPublishTest {
    private static final int PUBLISHES = 20;
    private static final Pattern BUILD_LINE = Pattern.compile("Installable 2\\.0 \\((\\d+)\\) · channel rush · build ([a-z2-7]{20})");

    @TempDir
    Path temp;

    @Test
    void publish_parallelUploadsOfOneKey_eachEndsWithItsOwnBuild() throws Exception {
        // given a stack and twenty different IPAs, each named App.ipa
        Path data = temp.resolve("data");
        try (LocalStack stack = LoopbackStack.start(data)) {
            List<Path> ipas = new ArrayList<>();
            for (int i = 1; i <= PUBLISHES; i++) {
                Path ipa = Files.createDirectories(temp.resolve("build-" + i)).resolve("App.ipa");
                InstallableIpa.write(ipa, String.valueOf(100 + i));
                ipas.add(ipa);
            }

            // when all are published to one channel at once
            ExecutorService pool = Executors.newFixedThreadPool(PUBLISHES);
            List<Future<Cli.Run>> runs = new ArrayList<>();
            try {
                for (Path ipa : ipas) {
                    Callable<Cli.Run> publish = () -> Cli.run("publish", ipa.toString(), "--local", "--data",
                            data.toString(), "--channel", "rush", "--no-qr", "--timeout", "90s");
                    runs.add(pool.submit(publish));
                }
                // then each publish learns the fate of its own upload: a build of exactly its IPA
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < PUBLISHES; i++) {
                    Cli.Run run = runs.get(i).get(120, TimeUnit.SECONDS);
                    assertThat(run.code()).as(run.err()).isZero();
                    Matcher line = BUILD_LINE.matcher(run.lines()[0]);
                    assertThat(line.matches()).as(run.out()).isTrue();
                    assertThat(line.group(1)).isEqualTo(String.valueOf(101 + i));
                    ids.add(line.group(2));
                    BuildRecord build = stack.catalog().build(line.group(2)).orElseThrow();
                    assertThat(build.build()).isEqualTo(String.valueOf(101 + i));
                    assertThat(build.ipaKey()).isEqualTo("uploads/rush/App.ipa");
                    assertThat(build.ipaVersionId()).isNotBlank();
                    // and the version it names holds exactly its bytes
                    assertThat(stack.s3().getObjectAsBytes(b -> b.bucket(LocalStack.BUCKET).key(build.ipaKey())
                            .versionId(build.ipaVersionId())).asByteArray()).isEqualTo(Files.readAllBytes(ipas.get(i)));
                }
                // and the channel holds every one of them
                assertThat(ids).hasSize(PUBLISHES);
                assertThat(stack.catalog().appBuilds(InstallableIpa.BUNDLE_ID, "rush", 100).newest()).hasSize(PUBLISHES);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

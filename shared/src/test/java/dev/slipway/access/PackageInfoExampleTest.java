package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.fixtures.TestS3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example in this package's documentation, compiled and run here so it stays true. */
class PackageInfoExampleTest {
    @Test
    void example_isInThePackageDocumentation_andRefusesAnUnknownBuild() throws Exception {
        // given: the example's lines, as the documentation shows them
        String doc = Files.readString(Path.of("src/main/java/dev/slipway/access/package-info.java"), StandardCharsets.UTF_8);
        List<String> lines = List.of(
                "LinkToken token = signer.verify(t, Purpose.PAGE); // refused: 404, or 410 if EXPIRED",
                "BuildRecord build = catalog.build(id).orElseThrow(); // none: the same 404",
                "policy.checkBuild(token, id, build.bundleId(), build.channel()); // revoked or foreign: 404");
        assertThat(lines).allSatisfy(line -> assertThat(doc).contains(" * " + line));

        try (TestS3 s3 = TestS3.start()) {
            S3Catalog catalog = new S3Catalog(s3.store());
            LinkSigner signer = new LinkSigner(KeyRing.generate(), Clock.systemUTC());
            AccessPolicy policy = new AccessPolicy(new InMemoryRevocations());
            String id = "aaaaaaaaaaaaaaaaaaaa";
            String t = signer.sign(new BuildScope(id), Purpose.PAGE);
            // when / then: the example, verbatim, on a build that does not exist
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> {
                LinkToken token = signer.verify(t, Purpose.PAGE); // refused: 404, or 410 if EXPIRED
                BuildRecord build = catalog.build(id).orElseThrow(); // none: the same 404
                policy.checkBuild(token, id, build.bundleId(), build.channel()); // revoked or foreign: 404
            })).isInstanceOf(java.util.NoSuchElementException.class);
        }
    }
}

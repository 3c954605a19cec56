package dev.slipway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.fixtures.TestIpa;
import dev.slipway.fixtures.TestProfile;
import dev.slipway.ipa.IpaInfo;
import dev.slipway.ipa.IpaReader;
import dev.slipway.ipa.profile.DistributionType;
import dev.slipway.ipa.zip.FileByteSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored form of a build: typed, versioned, and tolerant of keys a newer writer adds. */
class BuildRecordTest {
    private static final Instant UPLOADED = Instant.parse("2026-11-21T09:00:00Z");
    private static BuildRecord record;

    @BeforeAll
    static void ingest(@TempDir Path dir) throws Exception {
        Path ipa = TestIpa.app().bundleId("dev.slipway.test.Demo").name("Demo").extension("Notification")
                .profile(TestProfile.enterprise()).write(dir.resolve("Demo.ipa"));
        IpaInfo info;
        try (FileByteSource source = FileByteSource.open(ipa)) {
            info = new IpaReader().read(source);
        }
        Upload upload = new Upload("uploads/qa/Demo.ipa", info.archiveSize(), "\"9b2c\"", "0A", null, UPLOADED);
        record = BuildRecord.create(upload.buildId(), upload, "qa", "Fixed login", info, Layout.ipa(upload.buildId()),
                null, true, UPLOADED.plusSeconds(2));
    }

    private static Map<String, Object> json(BuildRecord build) throws Exception {
        return new LinkedHashMap<>(JSON.std.mapFrom(build.toJson()));
    }

    private static byte[] bytes(Map<String, Object> json) throws Exception {
        return JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES).asBytes(json);
    }

    @Test
    void create_enterpriseIpaWithExtension_typesWhatTheInstallSideReads() {
        assertThat(record.schema()).isEqualTo(BuildRecord.SCHEMA);
        assertThat(record.bundleId()).isEqualTo("dev.slipway.test.Demo");
        assertThat(record.channel()).isEqualTo("qa");
        assertThat(record.profile().type()).isEqualTo(DistributionType.ENTERPRISE);
        assertThat(record.icons().small()).isEqualTo(Layout.icon(record.id(), 57));
        assertThat(record.others()).containsKeys("extensions", "entryCount", "sdk");
        assertThat(record.profile().others()).containsKeys("uuid", "entitlements", "certificates");
    }

    @Test
    void parse_ownJson_roundTripsToTheSameRecordAndBytes() throws Exception {
        BuildRecord read = BuildRecord.parse(record.toJson());

        assertThat(new String(read.toJson(), StandardCharsets.UTF_8)).isEqualTo(new String(record.toJson(),
                StandardCharsets.UTF_8));
        assertThat(read.profile().type()).isEqualTo(record.profile().type());
        assertThat(read.installFacts()).isEqualTo(record.installFacts());
        assertThat(read.uploadedAt()).isEqualTo(UPLOADED);
    }

    @Test
    void parse_keysFromANewerWriter_surviveReadAndWrite() throws Exception {
        Map<String, Object> json = json(record);
        json.put("deviceVerdicts", Map.of("00008110-000A", "registered"));
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = new LinkedHashMap<>((Map<String, Object>) json.get("profile"));
        profile.put("platformsV2", java.util.List.of("iOS"));
        json.put("profile", profile);

        Map<String, Object> written = JSON.std.mapFrom(BuildRecord.parse(bytes(json)).toJson());

        assertThat(written).containsEntry("deviceVerdicts", Map.of("00008110-000A", "registered"));
        assertThat(written.get("profile")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("platformsV2", java.util.List.of("iOS"));
    }

    @Test
    void parse_missingRequiredKey_isAnErrorNamingTheRecordAndTheKey() throws Exception {
        Map<String, Object> json = json(record);
        json.remove("bundleId");

        assertThatThrownBy(() -> BuildRecord.parse(bytes(json)))
                .isInstanceOf(CatalogException.class)
                .hasMessage("build record " + record.id() + ": key \"bundleId\" is missing");
    }

    @Test
    void parse_wrongTypes_areErrorsNamingTheKey() throws Exception {
        Map<String, Object> size = json(record);
        size.put("size", "42894");
        Map<String, Object> type = json(record);
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = new LinkedHashMap<>((Map<String, Object>) type.get("profile"));
        profile.put("type", "in-house");
        type.put("profile", profile);
        Map<String, Object> time = json(record);
        time.put("uploadedAt", "yesterday");

        assertThatThrownBy(() -> BuildRecord.parse(bytes(size)))
                .hasMessage("build record " + record.id() + ": key \"size\" is not a whole number");
        assertThatThrownBy(() -> BuildRecord.parse(bytes(type)))
                .hasMessage("build record " + record.id() + " profile: key \"type\" is not a distribution type (in-house)");
        assertThatThrownBy(() -> BuildRecord.parse(bytes(time)))
                .hasMessage("build record " + record.id() + ": key \"uploadedAt\" is not a time (yesterday)");
    }

    @Test
    void parse_newerSchemaOrNotJson_isRefusedWithTheReason() throws Exception {
        Map<String, Object> newer = json(record);
        newer.put("schema", BuildRecord.SCHEMA + 1);

        assertThatThrownBy(() -> BuildRecord.parse(bytes(newer)))
                .hasMessage("build record " + record.id() + ": key \"schema\" is 2: this version reads schema 1 to 1");
        assertThatThrownBy(() -> BuildRecord.parse("{\"id\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("build record is not a JSON object: ");
    }
}

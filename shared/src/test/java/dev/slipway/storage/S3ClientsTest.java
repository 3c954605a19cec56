package dev.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@ExtendWith(TestS3Extension.class)
class S3ClientsTest {

    /** The same server by host name: an IP address would make the SDK choose path style by itself. */
    private static URI byName(TestS3 s3) {
        return URI.create("http://localhost:" + s3.endpoint().getPort());
    }

    @Test
    void create_localEndpoint_putsAndGetsWithBucketInPath(TestS3 s3) {
        // given: virtual-host style would send Host: slipway-test.localhost, which S3Proxy reads as no bucket
        try (S3Client client = S3Clients.create(TestS3.REGION, byName(s3), s3.credentials())) {

            // when
            client.putObject(b -> b.bucket(s3.bucket()).key("clients/a.txt"), RequestBody.fromString("local"));
            String read = client.getObjectAsBytes(b -> b.bucket(s3.bucket()).key("clients/a.txt")).asUtf8String();

            // then
            assertThat(read).isEqualTo("local");
        }
    }

    @Test
    void create_localEndpoint_conditionalCreatesNeverMeetThemselves(TestS3 s3) {
        // given: aws-chunked bodies made about one PUT in five fail on the client side against
        // S3Proxy; the SDK's retry of a create that had in fact succeeded then got 412
        try (S3Client client = S3Clients.create(TestS3.REGION, byName(s3), s3.credentials())) {

            // when / then
            for (int i = 0; i < 50; i++) {
                String key = "clients/created-" + i + ".json";
                client.putObject(b -> b.bucket(s3.bucket()).key(key).ifNoneMatch("*"), RequestBody.fromString("{}"));
            }
            assertThat(client.listObjectsV2(b -> b.bucket(s3.bucket()).prefix("clients/created-")).keyCount()).isEqualTo(50);
        }
    }

    @Test
    void presigner_localEndpoint_signsPathStyleUrlsTheServerAccepts(TestS3 s3) throws Exception {
        // given
        s3.client().putObject(b -> b.bucket(s3.bucket()).key("clients/b.txt"), RequestBody.fromString("signed"));

        // when
        URL url;
        try (S3Presigner presigner = S3Clients.presigner(TestS3.REGION, byName(s3), s3.credentials())) {
            url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(1))
                    .getObjectRequest(g -> g.bucket(s3.bucket()).key("clients/b.txt"))).url();
        }
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url.toURI()).build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(url.getHost()).isEqualTo("localhost");
        assertThat(url.getPath()).isEqualTo("/slipway-test/clients/b.txt");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("signed");
    }

    @Test
    void create_region_usesThatRegion() {
        try (S3Client client = S3Clients.create(Region.EU_WEST_3)) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_3);
        }
    }

    @Test
    void presigner_region_signsVirtualHostedAwsUrlsWithDefaultChainCredentials() {
        // given: system properties are one link of the default chain
        String previousId = System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        String previousSecret = System.setProperty("aws.secretAccessKey", "example-secret");
        try (S3Presigner presigner = S3Clients.presigner(Region.EU_WEST_3)) {

            // when
            URL url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(1))
                    .getObjectRequest(g -> g.bucket("slipway-builds").key("builds/1/app.ipa"))).url();

            // then
            assertThat(url.getHost()).isEqualTo("slipway-builds.s3.eu-west-3.amazonaws.com");
            assertThat(url.getPath()).isEqualTo("/builds/1/app.ipa");
            assertThat(url.getQuery()).contains("X-Amz-Credential=AKIDEXAMPLE%2F");
        } finally {
            restore("aws.accessKeyId", previousId);
            restore("aws.secretAccessKey", previousSecret);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}

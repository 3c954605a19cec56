package dev.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

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
    void create_region_usesThatRegion() {
        try (S3Client client = S3Clients.create(Region.EU_WEST_3)) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_3);
        }
    }
}

package dev.slipway.storage;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The S3 clients Slipway uses, configured one way. Building one costs a good part
 * of a cold start and each holds its own connection pool: build them once per process, at
 * initialisation (a Lambda handler's constructor), and share them; they are thread-safe.
 *
 * <p>The region is always explicit, never looked up, and the HTTP client is the JDK's
 * {@code HttpURLConnection} one, which starts fastest.
 */
public final class S3Clients {
    private S3Clients() {
    }

    /**
     * A client for AWS, with credentials from the default chain (in Lambda, the function's role),
     * resolved at the first call.
     */
    public static S3Client create(Region region) {
        return S3Client.builder()
                .region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /**
     * A client for an S3-compatible endpoint (the local stack): bucket in the path, not in the host
     * name, which would need DNS for every bucket; and request bodies sent plain, not aws-chunked.
     * S3Proxy answers an aws-chunked upload before reading its last bytes and closes the connection
     * while the client is still writing: about one PUT in five fails on the client side and is
     * retried, and a retried conditional create fails with 412 against the object its first attempt
     * wrote. Over plain HTTP the SDK then hashes the body before sending it, a second read that
     * costs nothing for the small objects and local files this client writes.
     */
    public static S3Client create(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        return endpointBuilder(region, endpoint, credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /**
     * As {@link #create(Region, URI, AwsCredentialsProvider)}, over the given HTTP client (closing
     * the S3 client leaves it open).
     */
    public static S3Client create(Region region, URI endpoint, AwsCredentialsProvider credentials, SdkHttpClient http) {
        return endpointBuilder(region, endpoint, credentials).httpClient(http).build();
    }

    private static S3ClientBuilder endpointBuilder(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        return S3Client.builder()
                .region(region)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
    }
}

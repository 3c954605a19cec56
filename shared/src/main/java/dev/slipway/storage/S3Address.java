package dev.slipway.storage;

import dev.slipway.aws.Endpoints;
import java.net.URI;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Where a bucket's requests go, by the rules {@link S3Clients} gives the SDK: in AWS, the bucket in
 * the host name ({@code https://bucket.s3.region.amazonaws.com/key}, virtual-hosted style); at a
 * configured endpoint (the local stack, tests), the bucket in the path ({@code http://host:port/bucket/key}),
 * which needs no DNS name per bucket.
 *
 * @param base scheme, host and port
 * @param bucketPath the path before each key: {@code /} or {@code /bucket/}
 */
record S3Address(URI base, String bucketPath) {

    /** The bucket's regional endpoint in AWS. */
    static S3Address inAws(String bucket, String region) {
        String domain = Endpoints.domain(region);
        if (bucket.contains(".")) {
            // A dotted name does not match the endpoint's wildcard certificate: path style, as the SDK does.
            return new S3Address(URI.create("https://s3." + region + "." + domain), "/" + bucket + "/");
        }
        return new S3Address(URI.create("https://" + bucket + ".s3." + region + "." + domain), "/");
    }

    /** The bucket at an S3-compatible endpoint, path style. */
    static S3Address atEndpoint(URI endpoint, String bucket) {
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        return new S3Address(URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority()),
                (path.endsWith("/") ? path : path + "/") + SdkHttpUtils.urlEncode(bucket) + "/");
    }

    /** A request for the key (the bucket itself for ""), each path segment percent-encoded once. */
    SdkHttpRequest.Builder request(SdkHttpMethod method, String key) {
        return SdkHttpRequest.builder()
                .method(method)
                .protocol(base.getScheme())
                .host(base.getHost())
                .port(base.getPort())
                .encodedPath(bucketPath + SdkHttpUtils.urlEncodeIgnoreSlashes(key));
    }
}

package dev.slipway.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/** Where a service's requests go: a configured endpoint, as the SDK reads it, else AWS's own. */
public final class Endpoints {
    /** The variable naming an endpoint for every service, after the service's own ({@code AWS_ENDPOINT_URL_S3}). */
    public static final String ANY_SERVICE = "AWS_ENDPOINT_URL";

    private Endpoints() {
    }

    /**
     * The endpoint {@code AWS_ENDPOINT_URL_<SERVICE>} names, else {@value #ANY_SERVICE}, else none
     * (the local stack, tests).
     *
     * @param serviceVariable the service's variable, e.g. {@code AWS_ENDPOINT_URL_S3}
     */
    public static Optional<URI> configured(Map<String, String> env, String serviceVariable) {
        String endpoint = env.getOrDefault(serviceVariable, env.get(ANY_SERVICE));
        return endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.trim()));
    }

    /** The region's DNS domain: {@code amazonaws.com}, {@code amazonaws.com.cn}, … */
    public static String domain(String region) {
        RegionMetadata metadata = Region.of(region).metadata();
        return metadata == null ? "amazonaws.com" : metadata.domain();
    }
}

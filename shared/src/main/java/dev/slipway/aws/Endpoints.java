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

    /** The system property naming an endpoint for every service, after the service's own ({@code aws.endpointUrlS3}). */
    public static final String ANY_SERVICE_PROPERTY = "aws.endpointUrl";

    /**
     * The configured endpoint, in the SDK's order (its profile files left out): the service's
     * system property, the service's variable, {@value #ANY_SERVICE_PROPERTY}, {@value #ANY_SERVICE};
     * else none (AWS itself).
     *
     * @param serviceVariable the service's variable, e.g. {@code AWS_ENDPOINT_URL_S3}
     * @param serviceProperty the service's system property, e.g. {@code aws.endpointUrlS3}
     */
    public static Optional<URI> configured(Map<String, String> env, String serviceVariable, String serviceProperty) {
        for (String endpoint : new String[] {System.getProperty(serviceProperty), env.get(serviceVariable),
                System.getProperty(ANY_SERVICE_PROPERTY), env.get(ANY_SERVICE)}) {
            if (endpoint != null && !endpoint.isBlank()) {
                return Optional.of(URI.create(endpoint.trim()));
            }
        }
        return Optional.empty();
    }

    /**
     * The region's DNS domain: {@code amazonaws.com}, {@code amazonaws.com.cn}, … The commercial
     * and GovCloud regions' and China's are known here; only others (the isolated partitions) ask
     * the SDK's region metadata, whose classes (one per region) a function's cold start would pay for.
     */
    public static String domain(String region) {
        if (region.startsWith("cn-")) {
            return "amazonaws.com.cn";
        }
        if (region.matches("(us-gov|af|ap|ca|eu|il|me|mx|sa|us)-[a-z]+-\\d+")) {
            return "amazonaws.com";
        }
        RegionMetadata metadata = Region.of(region).metadata();
        return metadata == null ? "amazonaws.com" : metadata.domain();
    }
}

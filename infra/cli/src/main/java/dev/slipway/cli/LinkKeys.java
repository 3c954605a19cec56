package dev.slipway.cli;

import dev.slipway.access.KeyRing;
import dev.slipway.access.SecretsManagerSecret;
import dev.slipway.aws.AwsRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The deployed link-signing keys, for minting links from this machine: from a file, from the
 * {@value #ENV} variable, or read from Secrets Manager (credentials and region from the SDK's
 * default chains unless {@code --region} is given), always in that order.
 */
final class LinkKeys {
    static final String ENV = "SLIPWAY_LINK_KEYS";

    private LinkKeys() {
    }

    /**
     * @param file a file holding the secret's string, or null
     * @param env the value of {@value #ENV}, or null
     * @param secretArn the secret's ARN or name, or null
     * @param region the secret's region, or null for the SDK's default region chain
     * @return the key ring, or null when no source is configured
     * @throws InvalidInputException naming the source if it cannot be read or holds no usable keys
     */
    static KeyRing resolve(Path file, String env, String secretArn, String region) throws InvalidInputException {
        String secret;
        String source;
        if (file != null) {
            source = "--keys-file " + file;
            try {
                secret = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException("cannot read " + source + " (" + e.getClass().getSimpleName() + ")", e);
            }
        } else if (env != null && !env.isBlank()) {
            source = ENV;
            secret = env;
        } else if (secretArn != null && !secretArn.isBlank()) {
            source = "secret " + secretArn;
            secret = fromSecretsManager(secretArn, region);
        } else {
            return null;
        }
        try {
            return KeyRing.parse(secret);
        } catch (IllegalArgumentException e) {
            // KeyRing's messages describe the secret's shape, never its content.
            throw new InvalidInputException(source + " holds no usable link keys: " + e.getMessage(), e);
        }
    }

    private static String fromSecretsManager(String secretArn, String region) throws InvalidInputException {
        try {
            String in = region != null ? region : new DefaultAwsRegionProviderChain().getRegion().id();
            return SecretsManagerSecret.fromEnvironment(System.getenv(), in, secretArn).get();
        } catch (SdkException | AwsRequestException | IllegalStateException e) {
            // The SDK names the cause (no credentials, no region, access denied, no such secret) on its first line.
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
            throw new InvalidInputException("cannot read secret " + secretArn + ": " + reason, e);
        }
    }
}

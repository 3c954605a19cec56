package dev.slipway.aws;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Credentials from an SDK provider (its default chain in the command-line tool and the functions
 * that build SDK clients anyway, a static pair in tests). The install function, which has no SDK
 * client, uses {@link LambdaCredentials} instead.
 */
public final class SdkCredentials implements CredentialsSource {
    private final AwsCredentialsProvider provider;

    private SdkCredentials(AwsCredentialsProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    public static CredentialsSource of(AwsCredentialsProvider provider) {
        return new SdkCredentials(provider);
    }

    /**
     * The SDK's default chain (system properties, variables, web identity, profiles, containers,
     * EC2): for the command-line tool and the functions that have SDK clients anyway.
     */
    public static CredentialsSource defaultChain() {
        return of(DefaultCredentialsProvider.builder().build());
    }

    @Override
    public Credentials resolve() {
        AwsCredentials credentials = provider.resolveCredentials();
        return new Credentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials instanceof AwsSessionCredentials session ? session.sessionToken() : null);
    }
}

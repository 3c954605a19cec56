package dev.slipway.aws;

/** Where signed requests get their credentials, asked before each signature (it may refresh them). */
@FunctionalInterface
public interface CredentialsSource {
    /**
     * @throws AwsRequestException if no credentials can be had
     */
    Credentials resolve();
}

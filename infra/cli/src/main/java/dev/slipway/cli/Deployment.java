package dev.slipway.cli;

import dev.slipway.access.KeyRing;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.local.DataFolder;
import dev.slipway.local.LocalSecrets;
import dev.slipway.local.LocalStackException;
import dev.slipway.local.StackInfo;
import dev.slipway.storage.S3Clients;
import dev.slipway.storage.SdkObjectStore;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where {@code publish}, {@code link} and {@code revoke} act: the local stack ({@code --local}, found
 * through its data folder), or a deployment in AWS ({@code --bucket}, with the default credential
 * chain; the link keys and the site's URL given separately). Options shared by those commands.
 *
 * @param s3 the bucket's client, or null when the bucket cannot be reached (AWS without --bucket)
 * @param bucket the bucket, or null likewise
 * @param keys the link keys, or null when none are configured (AWS without keys)
 * @param site the install site's origin, or null when not known (AWS without --base-url)
 * @param where {@code the local stack} or {@code bucket NAME}, for messages
 * @param local whether it is the local stack
 */
record Deployment(S3Client s3, String bucket, KeyRing keys, URI site, String where, boolean local)
        implements AutoCloseable {
    static final String BUCKET_ENV = "SLIPWAY_BUCKET";

    /** The options; a picocli mixin. */
    static final class Options {
        @Option(names = "--local", description = "Use the local stack (./slipway local) running on --data.")
        boolean local;

        @Option(names = "--data", paramLabel = "DIR", description = "The local stack's data folder (default: ~/.slipway/local).")
        Path data;

        @Option(names = "--bucket", paramLabel = "BUCKET",
                description = "The deployed bucket (or env SLIPWAY_BUCKET); AWS credentials from the default chain.")
        String bucket;

        @Option(names = "--region", paramLabel = "REGION",
                description = "The bucket's region (default: env AWS_REGION or AWS_DEFAULT_REGION).")
        String region;

        @Option(names = "--base-url", paramLabel = "URL", defaultValue = "${env:SLIPWAY_BASE_URL}",
                description = "The deployed site, e.g. https://d111111abcdef8.cloudfront.net (env SLIPWAY_BASE_URL).")
        URI baseUrl;

        @Option(names = "--keys-file", paramLabel = "FILE",
                description = "A file holding the link-signing secret's value (or env SLIPWAY_LINK_KEYS).")
        Path keysFile;

        @Option(names = "--secret-arn", paramLabel = "ARN", defaultValue = "${env:SLIPWAY_SECRET_ARN}",
                description = "The link-signing secret, read from Secrets Manager (env SLIPWAY_SECRET_ARN).")
        String secretArn;
    }

    /**
     * Resolves the options.
     *
     * @param needsBucket whether the command must reach the bucket (publish, revoke) or may do without (link)
     * @throws InvalidInputException if the options contradict each other, name no target, or a
     *     source they name cannot be read
     * @throws LocalStackException if {@code --local} is given and no stack runs on the data folder
     */
    static Deployment resolve(Options options, boolean needsBucket) throws InvalidInputException, LocalStackException {
        if (options.local) {
            if (options.bucket != null) {
                throw new InvalidInputException("--local and --bucket exclude each other");
            }
            Path data = DataFolder.orDefault(options.data);
            StackInfo stack = StackInfo.read(data);
            LocalSecrets secrets = LocalSecrets.ofDataFolder(data);
            // Large writes: the local endpoint is on loopback, where each write costs the receiver's work too.
            S3Client s3 = S3Clients.create(Region.of(stack.region()), stack.s3Local(), StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(secrets.accessKeyId(), secrets.secretAccessKey())),
                    BatchedWritesConnection.httpClient());
            return new Deployment(s3, stack.bucket(), secrets.linkKeys(), stack.pages(), "the local stack", true);
        }
        requireLocalFor(options.data);
        URI site = options.baseUrl;
        if (site != null && (!"https".equals(site.getScheme()) || site.getHost() == null)) {
            throw new InvalidInputException("--base-url " + site + " is not an https URL (iOS installs over https only)");
        }
        String region = region(options.region);
        KeyRing keys = LinkKeys.resolve(options.keysFile, System.getenv(LinkKeys.ENV), options.secretArn, region);
        String bucket = firstOf(options.bucket, System.getenv(BUCKET_ENV));
        if (bucket == null) {
            if (needsBucket) {
                throw new InvalidInputException("no target: add --local for the local stack, or --bucket BUCKET for AWS");
            }
            return new Deployment(null, null, keys, site, "the deployment", false);
        }
        if (region == null) {
            throw new InvalidInputException("no region for bucket " + bucket + ": add --region or set AWS_REGION");
        }
        return new Deployment(S3Clients.create(Region.of(region)), bucket, keys, site, "bucket " + bucket, false);
    }

    /** Whether the bucket can be reached (always with {@code --local} or {@code --bucket}). */
    boolean hasBucket() {
        return s3 != null;
    }

    S3Catalog catalog() {
        return new S3Catalog(new SdkObjectStore(s3, bucket));
    }

    /**
     * The keys and site for minting a link.
     *
     * @throws InvalidInputException naming what to add when either is missing
     */
    void requireLinkSetup() throws InvalidInputException {
        if (keys == null) {
            throw new InvalidInputException("no link keys: add --secret-arn ARN (the stack's link-signing secret), "
                    + "--keys-file FILE, or set " + LinkKeys.ENV);
        }
        if (site == null) {
            throw new InvalidInputException("no site URL: add --base-url https://… (the stack's CloudFront or custom "
                    + "domain), or set SLIPWAY_BASE_URL");
        }
    }

    @Override
    public void close() {
        if (s3 != null) {
            s3.close();
        }
    }

    /**
     * @throws InvalidInputException if a data folder is given to a command acting in AWS
     */
    static void requireLocalFor(Path data) throws InvalidInputException {
        if (data != null) {
            throw new InvalidInputException("--data is for the local stack: add --local");
        }
    }

    /** The region a {@code --region} option names, else the environment's, else null. */
    static String region(String option) {
        return firstOf(option, System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION"));
    }

    /** The first value that is set and not blank, or null. */
    static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}

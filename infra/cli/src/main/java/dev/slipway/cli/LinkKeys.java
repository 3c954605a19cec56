package dev.slipway.cli;

import dev.slipway.access.KeyRing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The deployed link-signing keys, for minting links from this machine: from a file, from the
 * {@value #ENV} variable, or read from Secrets Manager by the {@code aws} command (this tool
 * carries no Secrets Manager client), always in that order.
 */
final class LinkKeys {
    static final String ENV = "SLIPWAY_LINK_KEYS";
    private static final long AWS_TIMEOUT_SECONDS = 60;

    private LinkKeys() {
    }

    /**
     * @param file a file holding the secret's string, or null
     * @param env the value of {@value #ENV}, or null
     * @param secretArn the secret's ARN or name, or null
     * @param region the region for the {@code aws} command, or null for its own default
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
        List<String> command = new ArrayList<>(List.of("aws", "secretsmanager", "get-secret-value", "--secret-id",
                secretArn, "--query", "SecretString", "--output", "text"));
        if (region != null) {
            command.addAll(List.of("--region", region));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new InvalidInputException("cannot run the aws command to read secret " + secretArn
                    + ": install the AWS CLI, or pass --keys-file or set " + ENV, e);
        }
        try (InputStream out = process.getInputStream(); InputStream err = process.getErrorStream()) {
            byte[] secret = out.readAllBytes();
            String error = new String(err.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(AWS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new InvalidInputException("aws secretsmanager get-secret-value " + secretArn + " did not answer in "
                        + AWS_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String firstLine = error.isEmpty() ? "exit code " + process.exitValue() : error.lines().findFirst().orElse("");
                throw new InvalidInputException("cannot read secret " + secretArn + ": " + firstLine);
            }
            return new String(secret, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read secret " + secretArn + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InvalidInputException("interrupted while reading secret " + secretArn, e);
        }
    }
}

package dev.slipway.local;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.access.KeyRing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the local stack keeps secret, generated at its first start and kept in the data folder so
 * uploads scripts keep their credentials and links keep working across restarts.
 *
 * @param accessKeyId the S3 access key id the embedded S3 endpoint accepts
 * @param secretAccessKey its secret key
 * @param linkKeys the keys that sign install links (the local counterpart of the deployed secret)
 */
public record LocalSecrets(String accessKeyId, String secretAccessKey, KeyRing linkKeys) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Only the key ids: never the keys or the secret key. */
    @Override
    public String toString() {
        return "LocalSecrets[accessKeyId=" + accessKeyId + ", linkKeys=" + linkKeys + "]";
    }

    /**
     * Reads the folder's secrets, creating them (owner-only) on first use.
     *
     * @throws LocalStackException naming the file if it cannot be read, parsed or written
     */
    static LocalSecrets loadOrCreate(Path file) throws LocalStackException {
        if (Files.exists(file)) {
            return read(file);
        }
        LocalSecrets secrets = new LocalSecrets("slipway-" + hex(6), hex(20), KeyRing.generate());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accessKeyId", secrets.accessKeyId);
        json.put("secretAccessKey", secrets.secretAccessKey);
        json.put("linkKeys", secrets.linkKeys.toSecretJson());
        try {
            Path temp = Files.createTempFile(file.getParent(), "secrets", ".tmp");
            try {
                ownerOnly(temp);
                Files.write(temp, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asBytes(json));
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new LocalStackException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return secrets;
    }

    /**
     * Reads the secrets of a data folder (for {@code publish}, {@code link}, {@code revoke} with {@code --local}).
     *
     * @throws LocalStackException naming the file if it is missing or not what the stack wrote
     */
    public static LocalSecrets ofDataFolder(Path dataFolder) throws LocalStackException {
        return read(DataFolder.secrets(dataFolder.toAbsolutePath().normalize()));
    }

    /**
     * @throws LocalStackException naming the file if it is missing or not what the stack wrote
     */
    static LocalSecrets read(Path file) throws LocalStackException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalStackException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            Map<String, Object> json = JSON.std.mapFrom(text);
            if (!(json.get("accessKeyId") instanceof String id) || !(json.get("secretAccessKey") instanceof String key)
                    || !(json.get("linkKeys") instanceof String keys)) {
                throw new LocalStackException(file + " lacks accessKeyId, secretAccessKey or linkKeys");
            }
            return new LocalSecrets(id, key, KeyRing.parse(keys));
        } catch (IOException e) {
            // Not the parser's message: it quotes the text, which is secret.
            throw new LocalStackException(file + " is not valid JSON", e);
        } catch (IllegalArgumentException e) {
            throw new LocalStackException(file + " holds unusable link keys: " + e.getMessage(), e);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Owner-only where the file system has POSIX permissions (not on Windows). */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // No POSIX permissions here; the user's profile folder is the protection.
        }
    }
}

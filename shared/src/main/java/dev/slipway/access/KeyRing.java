package dev.slipway.access;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that sign and verify links: one current key signs, every key verifies, so a key can be
 * rotated without breaking the links already handed out (add a key, make it current, drop the old
 * one once its links have expired).
 *
 * <p>The key ring is read from the signing secret's string value (AWS Secrets Manager), in one of
 * two forms:
 *
 * <ul>
 *   <li>A JSON object naming the current key and every key by id, each key base64 (standard or
 *       URL-safe alphabet, padding optional) of at least 32 random bytes:
 *       <pre>{"current":"k2","keys":{"k1":"q83v…","k2":"3q2+…"}}</pre>
 *       Key ids are 1 to 16 characters from {@code A-Z a-z 0-9 _ -}; they travel in every token.
 *       Generate a key with {@code openssl rand -base64 32}.
 *   <li>Any other string of at least 32 characters, such as CloudFormation's
 *       {@code GenerateSecretString} produces: its UTF-8 bytes are the single key {@code k1}. To
 *       rotate, replace it with the JSON form keeping the old string's base64 as {@code k1}.
 * </ul>
 *
 * <p>A value whose first and last non-blank characters are <code>{</code> and <code>}</code> is read
 * as JSON and refused if it is not valid, rather than silently taken as a plain key (a generated
 * string has that shape about once in 9,000; excluding punctuation from the generator avoids it).
 * Surrounding whitespace is ignored in both forms, so a trailing newline from
 * {@code put-secret-value --secret-string file://…} does not change the key.
 *
 * <p>Nothing here ever prints key material: {@link #toString()} lists key ids only, and every
 * error message describes the secret's shape, never its content.
 */
public final class KeyRing implements KeySource {
    /** The id of the key in the plain-string form and in {@link #generate()}. */
    public static final String DEFAULT_KEY_ID = "k1";
    /** The shortest key accepted, in bytes (characters for the plain form): HMAC-SHA256's output size. */
    public static final int MIN_KEY_BYTES = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();
    // Duplicate ids would otherwise be resolved silently by whichever came last.
    private static final JSON STRICT_JSON = JSON.builder(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private KeyRing(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
    }

    /**
     * Builds a key ring from raw keys.
     *
     * @param currentKeyId the id of the key that signs
     * @param keys every key by id, the current one included; the arrays are copied
     * @return the key ring
     * @throws IllegalArgumentException if a key id is malformed, a key is shorter than
     *     {@value #MIN_KEY_BYTES} bytes, or the current id is not among the keys
     */
    public static KeyRing of(String currentKeyId, Map<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("key ring has no keys");
        }
        Map<String, SecretKey> copy = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : keys.entrySet()) {
            String id = checkKeyId(entry.getKey());
            byte[] key = entry.getValue();
            if (key == null || key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("signing key " + LogText.quote(id) + " is "
                        + (key == null ? 0 : key.length) + " bytes, at least " + MIN_KEY_BYTES + " needed");
            }
            copy.put(id, new SecretKeySpec(key, ALGORITHM));
        }
        checkKeyId(currentKeyId);
        if (!copy.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("current key id " + LogText.quote(currentKeyId)
                    + " is not among the keys " + copy.keySet());
        }
        return new KeyRing(currentKeyId, Collections.unmodifiableMap(copy));
    }

    /**
     * Reads a key ring from the signing secret's string value; see the class comment for the two
     * accepted forms.
     *
     * @param secret the secret string
     * @return the key ring
     * @throws IllegalArgumentException if the secret is missing, too short, or JSON of the wrong
     *     shape; the message never contains the secret or any part of it
     */
    public static KeyRing parse(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("signing secret is missing");
        }
        String value = secret.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("signing secret is empty");
        }
        if (value.startsWith("{") && value.endsWith("}")) {
            return parseJson(value);
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("signing secret is too short: " + length + " characters, at least "
                    + MIN_KEY_BYTES + " needed");
        }
        return of(DEFAULT_KEY_ID, Map.of(DEFAULT_KEY_ID, value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A key ring with one fresh random key, {@code k1}, for local use and tests. Persist it with
     * {@link #toSecretJson()} if links must survive a restart.
     *
     * @return the key ring
     */
    public static KeyRing generate() {
        byte[] key = new byte[MIN_KEY_BYTES];
        RANDOM.nextBytes(key);
        return of(DEFAULT_KEY_ID, Map.of(DEFAULT_KEY_ID, key));
    }

    /** The id of the key that signs new tokens. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The ids of every key that verifies, sorted. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /**
     * The key ring in the JSON form {@link #parse} reads, with standard base64 keys. This is the one
     * method that reveals key material: write its result only to the secret store.
     *
     * @return the secret string
     */
    public String toSecretJson() {
        Map<String, Object> encoded = new LinkedHashMap<>();
        keys.forEach((id, key) -> encoded.put(id, Base64.getEncoder().encodeToString(key.getEncoded())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("current", currentKeyId);
        json.put("keys", encoded);
        try {
            return JSON.std.asString(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a map of strings as JSON", e);
        }
    }

    /** A fixed key ring is its own source. */
    @Override
    public KeyRing keys() {
        return this;
    }

    /** The current key, for signing. */
    SecretKey currentKey() {
        return keys.get(currentKeyId);
    }

    /** The key with that id, or null. */
    SecretKey key(String keyId) {
        return keys.get(keyId);
    }

    /** Key ids only, never key material. */
    @Override
    public String toString() {
        return "KeyRing[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
    }

    private static KeyRing parseJson(String value) {
        Map<String, Object> json;
        try {
            json = STRICT_JSON.mapFrom(value);
        } catch (IOException e) {
            // Jackson's own message quotes the offending text, which is the secret: say where only.
            throw new IllegalArgumentException("signing secret looks like JSON but is not valid JSON" + where(e));
        }
        for (String field : json.keySet()) {
            // The field is not echoed: a pasted key in the wrong place would land in the logs.
            if (!field.equals("current") && !field.equals("keys")) {
                throw new IllegalArgumentException(
                        "signing secret JSON has fields other than \"current\" and \"keys\"");
            }
        }
        if (!(json.get("current") instanceof String current)) {
            throw new IllegalArgumentException("signing secret JSON needs \"current\": the id of the signing key");
        }
        if (!(json.get("keys") instanceof Map<?, ?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException("signing secret JSON needs \"keys\": an object of key id to base64 key");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String id = checkKeyId(String.valueOf(entry.getKey()));
            if (!(entry.getValue() instanceof String encoded)) {
                throw new IllegalArgumentException("signing key " + LogText.quote(id) + " is not a base64 string");
            }
            keys.put(id, decodeKey(id, encoded));
        }
        return of(current, keys);
    }

    private static byte[] decodeKey(String id, String encoded) {
        boolean urlSafe = encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0;
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(encoded);
        } catch (IllegalArgumentException e) {
            // The decoder's message names the offending character; keep it out.
            throw new IllegalArgumentException("signing key " + LogText.quote(id) + " is not valid base64");
        }
    }

    /** Valid ids are safe to log (they travel in every token); an invalid one is not echoed. */
    private static String checkKeyId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key id " + (id == null ? "is missing" : "is invalid")
                    + ": it must be 1 to 16 characters from A-Z a-z 0-9 _ -");
        }
        return id;
    }

    private static String where(IOException e) {
        if (e instanceof JsonProcessingException parse && parse.getLocation() != null) {
            JsonLocation location = parse.getLocation();
            return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return "";
    }
}

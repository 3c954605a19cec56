package dev.slipway.install.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pages' static files (the stylesheet, the touch-check and copy-link scripts), read from the classpath
 * once. Each is published under a name carrying a hash of its content, {@code slipway.3f9c0a1b2e4d.css},
 * so the handler can serve it with {@code Cache-Control: public, max-age=31536000, immutable}: a
 * changed file is a new URL, never a stale cache. The CSP allows only same-origin styles and
 * scripts, so these files are the only CSS and JavaScript the pages have.
 */
public final class Assets {
    /** Where the handler serves assets; the pages link them under it. */
    public static final String PATH_PREFIX = "/assets/";
    /** The stylesheet every page links. */
    public static final String STYLESHEET = "slipway.css";
    /** The iPad desktop-mode touch check, linked only where the server cannot tell a Mac from an iPad. */
    public static final String TOUCH_SCRIPT = "touch.js";
    /** The "Check this device" script: copy the UDID, share the message for the developer. */
    public static final String DEVICE_SCRIPT = "device.js";
    /** Copy link: shows the Copy buttons and puts an address on the clipboard (the page works without it). */
    public static final String COPY_SCRIPT = "copy.js";

    private static final String RESOURCE_FOLDER = "/dev/slipway/install/page/assets/";
    private static final int HASH_HEX_DIGITS = 12;

    /**
     * One static file.
     *
     * @param name the published name, with its content hash: {@code slipway.3f9c0a1b2e4d.css}
     * @param contentType the {@code Content-Type} to serve it with
     * @param bytes the content
     */
    public record Asset(String name, String contentType, byte[] bytes) {
        /** @throws NullPointerException if a field is null */
        public Asset {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            bytes = bytes.clone();
        }

        /** A copy of the content. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The URL path the pages use for it: {@code /assets/slipway.3f9c0a1b2e4d.css}. */
        public String path() {
            return PATH_PREFIX + name;
        }
    }

    private final List<Asset> assets;
    private final Map<String, Asset> byPlainName;
    private final Map<String, Asset> byPublishedName;

    private Assets(Map<String, Asset> byPlainName) {
        this.assets = List.copyOf(byPlainName.values());
        this.byPlainName = Map.copyOf(byPlainName);
        Map<String, Asset> published = new LinkedHashMap<>();
        byPlainName.values().forEach(asset -> published.put(asset.name(), asset));
        this.byPublishedName = Map.copyOf(published);
    }

    /**
     * Reads the assets bundled with this module.
     *
     * @throws IllegalStateException if one is missing from the classpath (a packaging fault)
     * @throws UncheckedIOException if one cannot be read
     */
    public static Assets fromClasspath() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String plainName : List.of(STYLESHEET, TOUCH_SCRIPT, COPY_SCRIPT, DEVICE_SCRIPT)) {
            assets.put(plainName, load(plainName));
        }
        return new Assets(assets);
    }

    private static Asset load(String plainName) {
        String resource = RESOURCE_FOLDER + plainName;
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the classpath: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            int dot = plainName.lastIndexOf('.');
            String extension = plainName.substring(dot + 1);
            String name = plainName.substring(0, dot) + "." + hash(bytes) + "." + extension;
            return new Asset(name, contentType(extension), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + resource, e);
        }
    }

    private static String contentType(String extension) {
        return switch (extension) {
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            default -> throw new IllegalStateException("no content type for ." + extension);
        };
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Every asset, for the handler to serve: the stylesheet, then the scripts. */
    public List<Asset> list() {
        return assets;
    }

    /**
     * The asset published under a name, as requested under {@link #PATH_PREFIX}.
     *
     * @param publishedName e.g. {@code slipway.3f9c0a1b2e4d.css}
     * @return the asset, or empty for an unknown or outdated name
     */
    public Optional<Asset> find(String publishedName) {
        return Optional.ofNullable(byPublishedName.get(publishedName));
    }

    /**
     * The URL path of an asset by its plain name.
     *
     * @param plainName {@link #STYLESHEET} or {@link #TOUCH_SCRIPT}
     * @throws IllegalArgumentException if there is no such asset
     */
    public String path(String plainName) {
        Asset asset = byPlainName.get(plainName);
        if (asset == null) {
            throw new IllegalArgumentException("no asset named " + plainName);
        }
        return asset.path();
    }

    @Override
    public String toString() {
        return "Assets" + assets.stream().map(Asset::name).toList();
    }
}

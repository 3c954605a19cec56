package dev.slipway.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Human names of Apple product identifiers, e.g. {@code iPhone16,1} → "iPhone 15 Pro", from
 * {@code models.properties} beside this class. An identifier missing from the table is shown as
 * it is: a newer model is then less friendly, never wrong.
 */
public final class ModelNames {
    private static final Properties NAMES = load();

    private ModelNames() {
    }

    /** The model's name, or the identifier itself if the table does not know it. */
    public static String nameOf(String product) {
        return NAMES.getProperty(product, product);
    }

    private static Properties load() {
        Properties names = new Properties();
        try (InputStream in = ModelNames.class.getResourceAsStream("models.properties")) {
            if (in == null) {
                throw new IllegalStateException("models.properties is missing beside " + ModelNames.class.getName());
            }
            names.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read models.properties", e);
        }
        return names;
    }
}

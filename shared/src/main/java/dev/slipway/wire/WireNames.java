package dev.slipway.wire;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How an enum's constants are written where Slipway stores or shows them (build records, JSON, token
 * bytes, CSS classes), and how a written value is read back: one rule instead of a field, a
 * constructor and a search loop in every enum.
 */
public final class WireNames {
    private WireNames() {
    }

    /** The constant's name in lower case with hyphens: {@code AD_HOC} is {@code ad-hoc}. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The first constant whose key equals the wanted value: an enum from its wire name, code or label.
     *
     * @param constants the enum's {@code values()}
     * @param key what each constant is written as
     * @param wanted the value read, or null (which matches nothing)
     */
    public static <E extends Enum<E>, K> Optional<E> find(E[] constants, Function<? super E, K> key, K wanted) {
        for (E constant : constants) {
            if (key.apply(constant).equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}

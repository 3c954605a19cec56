package dev.slipway.access;

import dev.slipway.wire.WireNames;
import java.time.Duration;

/**
 * What a token may be used for. A token minted for one purpose is refused for every other, so a
 * short-lived package token cannot be replayed as a page link and a page link cannot fetch the IPA
 * without a fresh page view.
 */
public enum Purpose {
    /** The install page: shared by people, so it lives days. */
    PAGE(1, Duration.ofDays(30), Duration.ofDays(400)),
    /**
     * The manifest URL behind the Install button, minted per page view: it must outlast the
     * tester reading the page before tapping Install, nothing more.
     */
    MANIFEST(2, Duration.ofMinutes(30), Duration.ofHours(1)),
    /**
     * The IPA URL inside the manifest, minted per manifest request; iOS asks for it right away but
     * may retry a stalled download from the home screen, hence not seconds.
     */
    PACKAGE(3, Duration.ofMinutes(30), Duration.ofHours(1));

    private final int code;
    private final Duration defaultTtl;
    private final Duration maxTtl;

    Purpose(int code, Duration defaultTtl, Duration maxTtl) {
        this.code = code;
        this.defaultTtl = defaultTtl;
        this.maxTtl = maxTtl;
    }

    /** The lifetime a token gets when the caller does not choose one. */
    public Duration defaultTtl() {
        return defaultTtl;
    }

    /** The longest lifetime a token may have: longer ones are neither signed nor accepted. */
    public Duration maxTtl() {
        return maxTtl;
    }

    /** The byte that stands for this purpose in a token: explicit, so reordering the enum changes nothing. */
    int code() {
        return code;
    }

    /** The purpose with that byte, or null. */
    static Purpose ofCode(int code) {
        return WireNames.find(values(), purpose -> purpose.code, code).orElse(null);
    }
}

package dev.slipway.install;

import dev.slipway.access.SecretKeySource;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Makes a SnapStart restore reread the link-signing secret: the snapshot holds the keys read when
 * the version was published, possibly long before a rotation.
 */
final class LinkKeysOnRestore implements Resource {
    private final SecretKeySource keys;

    private LinkKeysOnRestore(SecretKeySource keys) {
        this.keys = keys;
    }

    /** Registers with the global CRaC context (a no-op outside a CRaC or SnapStart runtime). */
    static LinkKeysOnRestore register(SecretKeySource keys) {
        LinkKeysOnRestore resource = new LinkKeysOnRestore(keys);
        Core.getGlobalContext().register(resource);
        return resource;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Nothing to close: the keys stay in memory and are replaced on the first request after restore.
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        keys.expire();
    }
}

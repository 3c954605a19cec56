package dev.slipway.install;

import dev.slipway.access.SecretKeySource;
import dev.slipway.aws.LambdaCredentials;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Makes a SnapStart restore forget what the snapshot holds from the day the version was published:
 * the link-signing keys (possibly read long before a rotation), reread on the first request after
 * restore; and the container credentials of the publishing session, fetched anew from the restored
 * function's credentials endpoint at the first signature. (The access-key variables are never in a
 * SnapStart function's environment: it gets the endpoint instead.)
 */
final class OnRestore implements Resource {
    private final SecretKeySource keys;
    private final LambdaCredentials credentials;

    private OnRestore(SecretKeySource keys, LambdaCredentials credentials) {
        this.keys = keys;
        this.credentials = credentials;
    }

    /** Registers with the global CRaC context (a no-op outside a CRaC or SnapStart runtime). */
    static OnRestore register(SecretKeySource keys, LambdaCredentials credentials) {
        OnRestore resource = new OnRestore(keys, credentials);
        Core.getGlobalContext().register(resource);
        return resource;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Nothing to close: keys and credentials stay in memory and are replaced after restore.
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        credentials.expire();
        keys.expire();
    }
}

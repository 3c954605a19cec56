package dev.slipway.local.nio2blob;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.nio2blob.AbstractNio2BlobStore;

/**
 * S3Proxy's folder store ({@code filesystem-nio2}) with object versioning, as the deployed bucket
 * has it: each upload to a key is its own version, so concurrent uploads of {@code App.ipa} to one
 * channel each become a build, and a build's IPA is the version it was read from. S3Proxy keeps an
 * overwritten version by renaming its file within the folder (a move, not a copy of its bytes) and
 * its version attributes in extended file attributes, which ext4, XFS, btrfs and APFS have.
 *
 * <p>In a package named {@code nio2blob} because S3Proxy tells its stores apart by their class
 * names: under any other name it takes this store for an unknown back end and refuses conditional
 * writes (501), which the app index document needs ({@code If-None-Match: *} to create it,
 * {@code If-Match} to replace it). As a folder store, S3Proxy checks {@code If-None-Match} in the
 * store's own write and {@code If-Match} against the stored ETag just before it; local ingests run
 * one at a time, so the two cannot interleave there.
 */
public final class VersionedFolderStore extends AbstractNio2BlobStore {
    /**
     * @throws IllegalArgumentException if the folder does not exist
     */
    public VersionedFolderStore(Path folder) {
        super(folder.toAbsolutePath());
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no such folder: " + folder);
        }
    }

    @Override
    public boolean supportsVersioning() {
        return true;
    }
}

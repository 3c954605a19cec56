package dev.slipway.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder a local stack keeps everything in, so a restart finds its builds, its keys (links
 * stay valid) and its certificate (devices stay trusting):
 *
 * <pre>
 * s3/            the bucket, as S3Proxy's filesystem-nio2 store lays it out
 * secrets.json   the S3 credentials and the link-signing keys (owner-only)
 * tls/           the generated certificate authority and server certificate
 * stack.json     where the running stack listens (removed when it stops)
 * lock           held while a stack runs, so two never share one folder
 * </pre>
 *
 * <p>One stack per folder: a second one would ingest every upload twice.
 */
public final class DataFolder implements AutoCloseable {
    private static final String LOCK = "lock";
    /**
     * Folders claimed by this JVM. A second channel on a locked file must never be opened here:
     * closing it would drop the process's lock (POSIX locks belong to the process, not the channel).
     */
    private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataFolder(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** {@code ~/.slipway/local}: one place, wherever the command runs from. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".slipway", "local");
    }

    /** The folder a {@code --data} option names, or {@link #defaultPath()} when it names none. */
    public static Path orDefault(Path given) {
        return given != null ? given : defaultPath();
    }

    /**
     * Creates the folder if needed and takes it for one running stack until {@link #close()}.
     *
     * @throws LocalStackException naming the folder if it cannot be created or written, or if
     *     another stack holds it
     */
    public static DataFolder claim(Path dir) throws LocalStackException {
        Path root = usable(dir);
        if (!CLAIMED.add(root)) {
            throw inUse(root, String.valueOf(ProcessHandle.current().pid()));
        }
        try {
            return lock(root);
        } catch (LocalStackException | RuntimeException e) {
            CLAIMED.remove(root);
            throw e;
        }
    }

    private static DataFolder lock(Path root) throws LocalStackException {
        FileChannel channel;
        try {
            channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw unusable(root, "cannot write in it (" + describe(e) + ")");
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String pid = new String(Files.readAllBytes(root.resolve(LOCK)), StandardCharsets.US_ASCII).trim();
                channel.close();
                throw inUse(root, pid);
            }
            // The holder's pid, for the message another start prints.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new DataFolder(root, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw unusable(root, "cannot lock it (" + describe(e) + ")");
        }
    }

    public Path root() {
        return root;
    }

    /** Where S3Proxy keeps the bucket. */
    public Path s3() {
        return root.resolve("s3");
    }

    public Path tls() {
        return root.resolve("tls");
    }

    public Path secrets() {
        return secrets(root);
    }

    /** The stack's event log: one JSON line per ingest and per request, what {@code slipway stats --local} reads. */
    public Path events() {
        return events(root);
    }

    /** The event log of a data folder, whether or not a stack runs on it. */
    public static Path events(Path root) {
        return root.toAbsolutePath().normalize().resolve("events.log");
    }

    public Path stackInfo() {
        return stackInfo(root);
    }

    static Path secrets(Path root) {
        return root.resolve("secrets.json");
    }

    static Path stackInfo(Path root) {
        return root.resolve("stack.json");
    }

    /** Releases the folder for the next stack. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The channel's close below releases it too.
        }
        closeQuietly(lockChannel);
        CLAIMED.remove(root);
    }

    /** Null when another process holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Not reached (CLAIMED guards this JVM), but the same answer if it were.
            return null;
        }
    }

    private static Path usable(Path dir) throws LocalStackException {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw unusable(root, "it is a file, not a folder");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            Path file = root.getParent();
            while (file != null && !Files.exists(file)) {
                file = file.getParent();
            }
            throw unusable(root, file != null && !Files.isDirectory(file) ? "cannot create it: " + file + " is a file"
                    : "cannot create it (" + describe(e) + ")");
        }
        if (!Files.isWritable(root)) {
            throw unusable(root, "it is not writable");
        }
        return root;
    }

    private static LocalStackException unusable(Path root, String why) {
        return new LocalStackException("data folder " + root + " is not usable: " + why);
    }

    private static LocalStackException inUse(Path root, String pid) {
        return new LocalStackException("data folder " + root + " is in use by another slipway local"
                + (pid.isEmpty() ? "" : " (pid " + pid + ")") + ": stop it, or choose another folder with --data");
    }

    private static String describe(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}

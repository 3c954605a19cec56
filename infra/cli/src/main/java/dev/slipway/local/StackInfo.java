package dev.slipway.local;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a running local stack listens, written to its data folder at start and removed at stop, so
 * {@code publish --local}, {@code link --local} and {@code revoke --local} find it.
 *
 * @param pid the process running it
 * @param pages the install site's origin, e.g. {@code https://192.168.1.20:8443}
 * @param s3 the S3 endpoint over HTTPS (presigned downloads, uploads from other machines)
 * @param s3Local the S3 endpoint over plain HTTP on the loopback interface (tools on this machine)
 * @param bucket the bucket
 * @param region the region S3 requests are signed for
 * @param caFile the generated CA's PEM file, or null when the stack serves the user's certificate
 */
public record StackInfo(long pid, URI pages, URI s3, URI s3Local, String bucket, String region, Path caFile) {

    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pid", pid);
        json.put("pages", pages.toString());
        json.put("s3", s3.toString());
        json.put("s3Local", s3Local.toString());
        json.put("bucket", bucket);
        json.put("region", region);
        json.put("caFile", caFile == null ? null : caFile.toString());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asBytes(json));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The stack running on a data folder.
     *
     * @throws LocalStackException naming the folder if no stack runs there (never started, stopped,
     *     or its process is gone)
     */
    public static StackInfo read(Path dataFolder) throws LocalStackException {
        Path root = dataFolder.toAbsolutePath().normalize();
        Path file = DataFolder.stackInfo(root);
        Map<String, Object> json;
        try {
            json = JSON.std.mapFrom(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw notRunning(root);
        } catch (IOException e) {
            throw new LocalStackException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            long pid = ((Number) json.get("pid")).longValue();
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                // Left behind by a stack that was killed.
                throw notRunning(root);
            }
            Object ca = json.get("caFile");
            return new StackInfo(pid, URI.create((String) json.get("pages")), URI.create((String) json.get("s3")),
                    URI.create((String) json.get("s3Local")), (String) json.get("bucket"), (String) json.get("region"),
                    ca == null ? null : Path.of((String) ca));
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new LocalStackException(file + " is not what slipway local writes: delete it and restart the stack", e);
        }
    }

    private static LocalStackException notRunning(Path root) {
        return new LocalStackException("no local stack is running on " + root + ": start one with ./slipway local"
                + (root.equals(DataFolder.defaultPath().toAbsolutePath().normalize()) ? "" : " --data " + root));
    }
}

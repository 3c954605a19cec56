package dev.slipway.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.ipa.InvalidIpaException;
import dev.slipway.ipa.IpaInfo;
import dev.slipway.ipa.IpaJson;
import dev.slipway.ipa.IpaReader;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.FileByteSource;
import dev.slipway.ipa.zip.ReadStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway inspect FILE.ipa}: what is in an IPA, and whether it will install. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print what an .ipa holds: app, version, profile, devices, expiry, icon, extensions.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the IPA was read", "1:an I/O failure", "2:not a usable IPA (the reason is on stderr)"})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.ipa", description = "The IPA to read.")
    Path file;

    @Option(names = "--json", description = "Print everything as JSON.")
    boolean json;

    @Option(names = "--icon", paramLabel = "OUT.png", description = "Write the app icon, decoded to a standard PNG.")
    Path iconOut;

    @Option(names = "--stats", description = "Also print the bytes and read calls it took.")
    boolean stats;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("slipway: no such file: " + file);
            return Slipway.INVALID_INPUT;
        }
        IpaInfo info;
        ReadStats readStats;
        long started = System.nanoTime();
        try (BlockCache source = new BlockCache(FileByteSource.open(file))) {
            info = new IpaReader().read(source);
            readStats = source.stats();
        } catch (InvalidIpaException e) {
            err.println("slipway: " + file.getFileName() + ": " + e.getMessage());
            return Slipway.INVALID_INPUT;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>(IpaJson.toMap(info));
            if (stats) {
                map.put("stats", Map.of("bytesRead", readStats.bytesRead(), "readCalls", readStats.readCalls(),
                        "millis", millis));
            }
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(map));
        } else {
            out.print(new InspectReport(info, Instant.now()).render());
            if (stats) {
                out.printf("%-14s%,d bytes in %d reads, of %,d (%d ms)%n", "Read", readStats.bytesRead(),
                        readStats.readCalls(), info.archiveSize(), millis);
            }
        }
        if (iconOut != null) {
            if (info.icon() == null) {
                err.println("slipway: no icon written: " + info.iconNote());
                return Slipway.FAILURE;
            }
            Files.write(iconOut, info.icon().png());
        }
        out.flush();
        return 0;
    }
}

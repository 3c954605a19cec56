package dev.slipway.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.ipa.Installability;
import dev.slipway.ipa.InvalidIpaException;
import dev.slipway.ipa.IpaInfo;
import dev.slipway.ipa.IpaJson;
import dev.slipway.ipa.IpaReader;
import dev.slipway.ipa.profile.DeveloperCertificate;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.FileByteSource;
import dev.slipway.ipa.zip.ReadStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway inspect FILE.ipa}: what is in an IPA, and whether it will install. */
@Command(name = "inspect",
        description = "Print what an .ipa holds: app, version, profile, devices, expiry, icon, extensions.",
        exitCodeList = {"0:the IPA was read (with --check: and it will install)", SlipwayCommand.EXIT_IO_FAILURE,
                "2:not a usable IPA (the reason is on stderr)",
                "5:with --check: iOS will not install it (the reasons are printed)"})
final class InspectCommand extends SlipwayCommand {
    private static final Set<String> PLAIN_FLAGS = Set.of("--json", "--stats", "--check");

    @Parameters(paramLabel = "FILE.ipa", description = "The IPA to read.")
    Path file;

    @Option(names = "--json", description = "Print everything as JSON.")
    boolean json;

    @Option(names = "--icon", paramLabel = "OUT.png", description = "Write the app icon, decoded to a standard PNG.")
    Path iconOut;

    @Option(names = "--stats", description = "Also print the bytes and read calls it took.")
    boolean stats;

    @Option(names = "--check", description = "Exit with 5 if iOS will not install it (for CI gates).")
    boolean check;

    /**
     * {@code inspect FILE.ipa} with any of {@code --json}, {@code --stats}, {@code --check} and
     * {@code --icon OUT.png} (or {@code --icon=OUT.png}), each at most once, read without picocli; empty
     * for anything else (help, version, {@code --}, {@code @files}, a repeated or unknown option, no
     * file or two), which picocli then parses, words the errors of and prints the help for.
     *
     * <p>Why: picocli's parser and its model of a command (built by reflection over the annotations,
     * the JVM's first use of annotations included) take about a third of a short {@code inspect}
     * run's start-up. InspectArgumentsTest checks that picocli reads every accepted form the same.
     */
    static Optional<InspectCommand> fromPlainArguments(String... args) {
        if (args.length < 2 || !args[0].equals("inspect")) {
            return Optional.empty();
        }
        Set<String> flags = new HashSet<>();
        String file = null;
        String icon = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            if (arg.equals("--icon") && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.startsWith("--icon=")) {
                value = arg.substring("--icon=".length());
            }
            if (value != null) {
                if (icon != null || !plain(value)) {
                    return Optional.empty();
                }
                icon = value;
            } else if (PLAIN_FLAGS.contains(arg)) {
                if (!flags.add(arg)) {
                    return Optional.empty();
                }
            } else if (file == null && plain(arg)) {
                file = arg;
            } else {
                return Optional.empty();
            }
        }
        if (file == null) {
            return Optional.empty();
        }
        InspectCommand command = new InspectCommand();
        try {
            command.file = Path.of(file);
            command.iconOut = icon == null ? null : Path.of(icon);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        command.json = flags.contains("--json");
        command.stats = flags.contains("--stats");
        command.check = flags.contains("--check");
        return Optional.of(command);
    }

    /** A file name picocli reads as it is: not an option, an argument file or empty. */
    private static boolean plain(String arg) {
        return !arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@");
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = out();
        PrintWriter err = err();
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
        Instant now = Instant.now();
        List<Installability.Finding> findings = Installability.assess(info, now);
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>(IpaJson.toMap(info));
            markSigner(map, info);
            map.put("installable", Installability.installable(findings));
            map.put("problems", findings.stream().map(InspectCommand::problem).toList());
            if (stats) {
                map.put("stats", Map.of("bytesRead", readStats.bytesRead(), "readCalls", readStats.readCalls(),
                        "millis", millis));
            }
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(map));
        } else {
            out.print(new InspectReport(info, now).render());
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
        return check && !Installability.installable(findings) ? Slipway.NOT_INSTALLABLE : 0;
    }

    private static Map<String, Object> problem(Installability.Finding finding) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", finding.code());
        json.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
        json.put("message", finding.message());
        return json;
    }

    /** Adds {@code signedTheApp} to each of the profile's certificates: true, false, or null when unknown. */
    @SuppressWarnings("unchecked")
    private static void markSigner(Map<String, Object> map, IpaInfo info) {
        Map<String, Object> profile = (Map<String, Object>) map.get("profile");
        if (profile == null) {
            return;
        }
        Map<String, Object> copy = new LinkedHashMap<>(profile);
        Optional<DeveloperCertificate> signer = SigningCertificate.of(info.profile());
        copy.put("certificates", ((List<Map<String, Object>>) profile.get("certificates")).stream().map(c -> {
            Map<String, Object> certificate = new LinkedHashMap<>(c);
            certificate.put("signedTheApp", signer.map(s -> s.sha1Fingerprint().equals(c.get("sha1"))).orElse(null));
            return certificate;
        }).toList());
        map.put("profile", copy);
    }
}

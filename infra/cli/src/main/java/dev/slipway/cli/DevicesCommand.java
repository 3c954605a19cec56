package dev.slipway.cli;

import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.device.Device;
import dev.slipway.device.DeviceStore;
import dev.slipway.device.DeviceStoreException;
import dev.slipway.device.ProfileDevices;
import dev.slipway.storage.SdkObjectStore;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slipway devices [APP]}: the devices testers enrolled with "Check this device", as a table
 * or as the file Apple's developer portal imports; {@code --missing BUILD}: those the build's
 * profile lacks.
 */
@Command(name = "devices",
        description = {"List the devices testers enrolled with \"Check this device\" on an install page (their UDIDs "
                + "were proven by the device's Apple-issued certificate).", "",
                "APP keeps the devices enrolled from that app's pages or its builds' pages. --missing BUILD keeps those "
                + "the build's provisioning profile lacks: exactly what to register before re-signing. --format apple "
                + "writes the tab-separated file the Apple developer portal imports under Devices › Register "
                + "Multiple Devices."},
        exitCodeList = {"0:listed (even none)", "1:an I/O failure or an unreadable record",
                "2:invalid input (bad option, no such build, no target)"})
final class DevicesCommand extends DeploymentCommand {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The formats. */
    enum Format { text, apple }

    @Parameters(paramLabel = "APP", arity = "0..1", description = "Only devices enrolled from this app's links (bundle id).")
    String app;

    @Option(names = "--missing", paramLabel = "BUILD", description = "Only enrolled devices this build's profile lacks.")
    String missing;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or apple (Device ID, Device Name, Device Platform; tab-separated).")
    Format format;

    @Override
    int run(Deployment deployment, PrintWriter out)
            throws InvalidInputException, CatalogException, DeviceStoreException {
        List<Device> devices = new DeviceStore(new SdkObjectStore(deployment.s3(), deployment.bucket())).list();
        Map<String, Optional<String>> appOfBuild = new HashMap<>();
        if (app != null) {
            devices = devices.stream().filter(d -> enrolledFrom(d, app, deployment, appOfBuild)).toList();
        }
        if (missing != null) {
            BuildRecord build = deployment.catalog().build(missing).orElseThrow(() -> new InvalidInputException(
                    "no build " + missing + " in " + deployment.where()));
            ProfileDevices profile = ProfileDevices.of(build);
            if (!profile.limitsDevices()) {
                out.println("Build " + missing + (profile.allDevices() ? " installs on any device (enterprise): "
                        : " cannot be installed over the air (" + (profile.profileType() == null ? "no profile"
                        : profile.profileType().id() + " profile") + "): ") + "nothing to register.");
                return 0;
            }
            devices = devices.stream()
                    .filter(d -> profile.verdict(d.udid()) == ProfileDevices.Verdict.NOT_REGISTERED).toList();
        }
        if (format == Format.apple) {
            out.print(appleFile(devices));
        } else {
            out.print(table(devices));
        }
        return 0;
    }

    /** Apple's bulk device file: a header line, then one device per line; tab-separated, no quoting. */
    static String appleFile(List<Device> devices) {
        StringBuilder file = new StringBuilder("Device ID\tDevice Name\tDevice Platform\n");
        for (Device device : devices) {
            file.append(device.udid()).append('\t').append(name(device)).append("\tios\n");
        }
        return file.toString();
    }

    static String table(List<Device> devices) {
        if (devices.isEmpty()) {
            return "No enrolled devices.\n";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-40s  %-24s  %-24s  %-9s  %s%n",
                "UDID", "Model", "Name", "iOS build", "Last seen (UTC)"));
        for (Device device : devices) {
            text.append(String.format(Locale.ROOT, "%-40s  %-24s  %-24s  %-9s  %s%n", device.udid(), device.model(),
                    device.deviceName() == null ? "–" : device.deviceName(), device.osBuild(), DAY.format(device.lastSeen())));
        }
        return text.toString();
    }

    /** The portal wants a name; the owner's name for the device, else its model. */
    private static String name(Device device) {
        return device.deviceName() != null ? device.deviceName() : device.model();
    }

    private static boolean enrolledFrom(Device device, String bundleId, Deployment deployment,
                                        Map<String, Optional<String>> appOfBuild) {
        for (String link : device.links()) {
            if (link.equals("/a/" + bundleId) || link.startsWith("/a/" + bundleId + "/")) {
                return true;
            }
            if (link.startsWith("/b/")) {
                String buildId = link.substring(3);
                Optional<String> owner = appOfBuild.computeIfAbsent(buildId, id -> {
                    try {
                        return deployment.catalog().build(id).map(BuildRecord::bundleId);
                    } catch (CatalogException e) {
                        return Optional.empty();
                    }
                });
                if (owner.filter(bundleId::equals).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }
}

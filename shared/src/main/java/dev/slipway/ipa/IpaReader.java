package dev.slipway.ipa;

import dev.slipway.ipa.profile.ProfileException;
import dev.slipway.ipa.profile.ProfileParser;
import dev.slipway.ipa.profile.ProvisioningProfile;
import dev.slipway.ipa.zip.ArchiveEntry;
import dev.slipway.ipa.zip.ByteSource;
import dev.slipway.ipa.zip.ZipArchive;
import dev.slipway.ipa.zip.ZipLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an IPA from a random-access source: the ZIP's end and central directory, then only the
 * main app's Info.plist and provisioning profile, its extensions' and Watch apps' ones, and the
 * chosen icon. Wrap a slow source in a {@link dev.slipway.ipa.zip.BlockCache} to count the reads.
 */
public final class IpaReader {
    /** Real Info.plists are a few KB; 1 MiB leaves room and stops plist bombs early. */
    public static final int MAX_PLIST_BYTES = 1024 * 1024;
    public static final int MAX_PROFILE_BYTES = 1024 * 1024;
    /** App extensions and Watch apps read per IPA. */
    public static final int MAX_NESTED_BUNDLES = 100;

    private static final Pattern MAIN_APP = Pattern.compile("Payload/([^/]+\\.app)/Info\\.plist");
    private static final Pattern WRAPPED_APP = Pattern.compile("(?!__MACOSX/)(.+/)Payload/([^/]+\\.app)/Info\\.plist");
    private static final Pattern ANY_APP = Pattern.compile("Payload/([^/]+\\.app)/.*");

    private final ZipLimits limits;

    public IpaReader() {
        this(ZipLimits.DEFAULT);
    }

    public IpaReader(ZipLimits limits) {
        this.limits = limits;
    }

    /** What a reading used of the archive: for benchmarks that check bytes read against what was needed. */
    public record Traced(IpaInfo info, long centralDirectorySize, List<ArchiveEntry> entriesRead) {
    }

    /**
     * @throws InvalidIpaException with a one-line reason if the source is not a usable IPA
     * @throws IOException if the source fails (a transient fault: retry)
     */
    public IpaInfo read(ByteSource source) throws IOException, InvalidIpaException {
        return readTraced(source).info();
    }

    /**
     * Like {@link #read}, also telling which entries were read.
     *
     * @throws InvalidIpaException with a one-line reason if the source is not a usable IPA
     * @throws IOException if the source fails
     */
    public Traced readTraced(ByteSource source) throws IOException, InvalidIpaException {
        try {
            return readChecked(source);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException | StackOverflowError e) {
            // Reading is a function of the bytes alone: an unchecked failure here would fail the
            // same way on every retry, so it is a verdict on the upload (and a reader bug to fix:
            // the fuzz targets look for exactly these).
            throw new InvalidIpaException("the IPA could not be read: its content made Slipway's reader fail ("
                    + e.getClass().getSimpleName() + "); please report this file", e);
        }
    }

    private Traced readChecked(ByteSource source) throws IOException, InvalidIpaException {
        ZipArchive zip = ZipArchive.open(source, limits);
        String appPath = mainAppPath(zip);
        InfoPlist plist = readPlist(zip, appPath + "Info.plist");
        AppBundle app = plist.toBundle(appPath, readProfile(zip, appPath, plist.platform()));

        Pattern extension = Pattern.compile(Pattern.quote(appPath)
                + "((?:Watch/[^/]+\\.app/)?(?:PlugIns|Extensions)/[^/]+\\.appex/)Info\\.plist");
        Pattern watch = Pattern.compile(Pattern.quote(appPath) + "(Watch/[^/]+\\.app/)Info\\.plist");
        List<AppBundle> extensions = new ArrayList<>();
        List<AppBundle> watchApps = new ArrayList<>();
        for (ArchiveEntry entry : zip.entries()) {
            Matcher asExtension = extension.matcher(entry.name());
            Matcher asWatch = watch.matcher(entry.name());
            if (asExtension.matches() || asWatch.matches()) {
                if (extensions.size() + watchApps.size() >= MAX_NESTED_BUNDLES) {
                    throw new LimitExceededException("IPA holds more than " + MAX_NESTED_BUNDLES
                            + " app extensions and Watch apps");
                }
                String bundle = appPath + (asExtension.matches() ? asExtension.group(1) : asWatch.group(1));
                AppBundle nested = readPlist(zip, entry.name()).toBundle(bundle, readProfile(zip, bundle, null));
                (asExtension.matches() ? extensions : watchApps).add(nested);
            }
        }
        boolean encrypted = zip.entries().stream().anyMatch(e -> e.name().startsWith(appPath + "SC_Info/"));
        IconFinder.Result icon = new IconFinder(zip, appPath, plist).find();
        IpaInfo info = new IpaInfo(app, List.copyOf(extensions), List.copyOf(watchApps), encrypted, icon.icon(),
                icon.note(), source.size(), zip.entries().size(), architectures(zip, app));
        return new Traced(info, zip.centralDirectorySize(), zip.entriesRead());
    }

    /** The main executable's architectures, from its first bytes: one small ranged read, never the binary. */
    private static List<String> architectures(ZipArchive zip, AppBundle app) throws IOException {
        if (app.executable() == null || app.executable().isEmpty() || app.executable().contains("/")) {
            return List.of();
        }
        ArchiveEntry entry = zip.entry(app.path() + app.executable()).orElse(null);
        if (entry == null) {
            return List.of();
        }
        try {
            return MachOHeader.architectures(zip.readPrefix(entry, MachOHeader.PREFIX_BYTES));
        } catch (InvalidIpaException e) {
            // An unreadable binary says nothing about its architectures; what else was read still stands.
            return List.of();
        }
    }

    private static String mainAppPath(ZipArchive zip) throws BundleException {
        TreeSet<String> apps = new TreeSet<>();
        for (ArchiveEntry entry : zip.entries()) {
            Matcher m = MAIN_APP.matcher(entry.name());
            if (m.matches()) {
                apps.add(m.group(1));
            }
        }
        if (apps.size() == 1) {
            return "Payload/" + apps.first() + "/";
        }
        if (apps.size() > 1) {
            throw new BundleException("more than one app in Payload/: " + String.join(", ", apps));
        }
        for (ArchiveEntry entry : zip.entries()) {
            Matcher wrapped = WRAPPED_APP.matcher(entry.name());
            if (wrapped.matches()) {
                throw new BundleException("no Payload/<App>.app/Info.plist at the top of the archive: the app is inside "
                        + wrapped.group(1) + " (zip the Payload folder itself, not the folder around it)");
            }
        }
        for (ArchiveEntry entry : zip.entries()) {
            Matcher any = ANY_APP.matcher(entry.name());
            if (any.matches()) {
                throw new BundleException("no Payload/<App>.app/Info.plist found: " + any.group(1) + " has no Info.plist");
            }
        }
        throw new BundleException("no Payload/<App>.app/Info.plist found: this ZIP holds no iOS app");
    }

    private static InfoPlist readPlist(ZipArchive zip, String path) throws IOException, InvalidIpaException {
        ArchiveEntry entry = zip.entry(path).orElseThrow(() -> new BundleException("no " + path + " found"));
        return InfoPlist.parse(path, zip.read(entry, MAX_PLIST_BYTES));
    }

    /** Reads a bundle's own profile; for the main app ({@code platform} given) also checks it is for that platform. */
    private static ProvisioningProfile readProfile(ZipArchive zip, String bundlePath, Platform platform)
            throws IOException, InvalidIpaException {
        String path = bundlePath + "embedded.mobileprovision";
        ArchiveEntry entry = zip.entry(path).orElse(null);
        if (entry == null) {
            return null;
        }
        ProvisioningProfile profile;
        try {
            profile = ProfileParser.parse(zip.read(entry, MAX_PROFILE_BYTES));
        } catch (ProfileException e) {
            throw new ProfileException(path + ": " + e.getMessage());
        }
        if (platform != null && platform.profilePlatform() != null && !profile.supportsPlatform(platform.profilePlatform())) {
            throw new ProfileException(path + " is a provisioning profile for " + String.join(", ", profile.platforms())
                    + ", not for " + platform.label());
        }
        return profile;
    }
}

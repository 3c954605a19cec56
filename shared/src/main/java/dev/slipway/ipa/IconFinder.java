package dev.slipway.ipa;

import dev.slipway.ipa.icon.DecodedIcon;
import dev.slipway.ipa.icon.IconDecoder;
import dev.slipway.ipa.icon.PngHeader;
import dev.slipway.ipa.zip.ArchiveEntry;
import dev.slipway.ipa.zip.ZipArchive;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses the app's icon: the PNGs at the top of the app that Info.plist names, ranked by the real
 * width in their PNG headers (only the first bytes of each are read), then decoded.
 */
final class IconFinder {
    /** A 1024 px RGBA PNG is at most ~4 MB; anything bigger is not an icon. */
    static final int MAX_ICON_BYTES = 8 * 1024 * 1024;
    private static final int MAX_CANDIDATES = 64;
    private static final int HEADER_BYTES = 64;

    /** The chosen icon, or why there is none. */
    record Result(AppIcon icon, String note) {
    }

    private record Candidate(ArchiveEntry entry, PngHeader header) {
    }

    private final ZipArchive zip;
    private final String appPath;
    private final InfoPlist plist;

    IconFinder(ZipArchive zip, String appPath, InfoPlist plist) {
        this.zip = zip;
        this.appPath = appPath;
        this.plist = plist;
    }

    /**
     * @throws IOException if the source fails; a broken icon is not an error, only a note
     */
    Result find() throws IOException {
        List<String> names = plist.iconNames();
        if (names.isEmpty()) {
            // Before iOS 3.2 an app without icon keys used Icon.png by convention.
            names = List.of("Icon");
        }
        List<ArchiveEntry> files = filesNamed(names);
        List<Candidate> ranked = new ArrayList<>();
        for (ArchiveEntry file : files) {
            try {
                ranked.add(new Candidate(file, PngHeader.read(zip.readPrefix(file, HEADER_BYTES))));
            } catch (InvalidIpaException e) {
                // Not a readable PNG: not a candidate.
            }
        }
        ranked.sort(Comparator.comparingInt((Candidate c) -> c.header().width()).reversed());
        for (Candidate candidate : ranked) {
            try {
                DecodedIcon decoded = IconDecoder.toStandardPng(zip.read(candidate.entry(), MAX_ICON_BYTES));
                return new Result(new AppIcon(candidate.entry().name(), decoded.width(), decoded.height(),
                        decoded.wasCrushed(), decoded.png()), null);
            } catch (InvalidIpaException e) {
                // Try the next largest.
            }
        }
        return new Result(null, noIconReason(names, files, ranked));
    }

    private List<ArchiveEntry> filesNamed(List<String> names) {
        List<Pattern> patterns = new ArrayList<>();
        for (String name : names) {
            String base = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
            patterns.add(Pattern.compile(Pattern.quote(base) + "(@[23]x)?(~(iphone|ipad))?\\.png",
                    Pattern.CASE_INSENSITIVE));
        }
        Set<ArchiveEntry> files = new LinkedHashSet<>();
        for (ArchiveEntry entry : zip.entries()) {
            String name = entry.name();
            if (files.size() >= MAX_CANDIDATES || !name.startsWith(appPath) || entry.isDirectory()) {
                continue;
            }
            String file = name.substring(appPath.length());
            if (file.indexOf('/') < 0 && patterns.stream().anyMatch(p -> p.matcher(file).matches())) {
                files.add(entry);
            }
        }
        return new ArrayList<>(files);
    }

    private String noIconReason(List<String> names, List<ArchiveEntry> files, List<Candidate> ranked) {
        if (!files.isEmpty()) {
            return ranked.isEmpty() ? "icon files are not readable PNGs: " + files.get(0).name()
                    : "icon could not be decoded: " + ranked.get(0).entry().name();
        }
        boolean assetCatalog = zip.entry(appPath + "Assets.car").isPresent();
        if (assetCatalog && (plist.assetCatalogIconName() != null || !plist.iconNames().isEmpty())) {
            return "icon only in Assets.car (not extracted)";
        }
        if (plist.iconNames().isEmpty()) {
            return "Info.plist names no icon";
        }
        return "icon files named in Info.plist are missing: " + String.join(", ", names);
    }
}

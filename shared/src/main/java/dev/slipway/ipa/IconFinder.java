package dev.slipway.ipa;

import dev.slipway.ipa.icon.DecodedIcon;
import dev.slipway.ipa.icon.IconDecoder;
import dev.slipway.ipa.icon.PngHeader;
import dev.slipway.ipa.zip.ArchiveEntry;
import dev.slipway.ipa.zip.ZipArchive;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses the app's icon: the PNGs at the top of the app that Info.plist names, ranked by the real
 * width in their PNG headers (only the first bytes of each are read), then decoded.
 *
 * @param zip the IPA
 * @param appPath the app's folder in it
 * @param plist the app's Info.plist, which names the icons
 */
record IconFinder(ZipArchive zip, String appPath, InfoPlist plist) {
    /** A 1024 px RGBA PNG is at most ~4 MB; anything bigger is not an icon. */
    static final int MAX_ICON_BYTES = 8 * 1024 * 1024;
    private static final int MAX_CANDIDATES = 64;
    private static final int HEADER_BYTES = 64;
    /** Names listed in a reason for missing icon files; Info.plist may name thousands. */
    private static final int NAMES_IN_REASON = 5;
    private static final String PNG = ".png";
    private static final List<String> IDIOMS = List.of("~iphone", "~ipad");
    private static final List<String> SCALES = List.of("@2x", "@3x");

    /** The chosen icon, or why there is none. */
    record Result(AppIcon icon, String note) {
    }

    private record Candidate(ArchiveEntry entry, PngHeader header) {
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
        String tooLarge = null;
        for (ArchiveEntry file : files) {
            try {
                PngHeader header = PngHeader.read(zip.readPrefix(file, HEADER_BYTES));
                if ((long) header.width() * header.height() > IconDecoder.MAX_PIXELS) {
                    tooLarge = tooLarge == null ? file.name() : tooLarge;
                } else {
                    ranked.add(new Candidate(file, header));
                }
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
        if (ranked.isEmpty() && tooLarge != null) {
            return new Result(null, "icon is larger than 1024 x 1024 pixels (not decoded): " + tooLarge);
        }
        return new Result(null, noIconReason(names, files, ranked));
    }

    /**
     * The files at the top of the app named {@code base[@2x|@3x][~iphone|~ipad].png} (any case) for
     * one of the names. Linear in the entries: the names are indexed once and each file is looked up
     * by the at most four bases its name can stand for ("Icon@2x.png" is base "Icon@2x" or "Icon").
     */
    private List<ArchiveEntry> filesNamed(List<String> names) {
        Set<String> bases = new HashSet<>();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            bases.add(lower.endsWith(PNG) ? lower.substring(0, lower.length() - PNG.length()) : lower);
        }
        Set<ArchiveEntry> files = new LinkedHashSet<>();
        for (ArchiveEntry entry : zip.entries()) {
            String name = entry.name();
            if (files.size() >= MAX_CANDIDATES) {
                break;
            }
            if (!name.startsWith(appPath) || entry.isDirectory() || name.indexOf('/', appPath.length()) >= 0) {
                continue;
            }
            String file = name.substring(appPath.length()).toLowerCase(Locale.ROOT);
            if (file.endsWith(PNG) && namesABase(file.substring(0, file.length() - PNG.length()), bases)) {
                files.add(entry);
            }
        }
        return new ArrayList<>(files);
    }

    private static boolean namesABase(String stem, Set<String> bases) {
        for (String withoutIdiom : withAndWithoutSuffix(stem, IDIOMS)) {
            for (String base : withAndWithoutSuffix(withoutIdiom, SCALES)) {
                if (bases.contains(base)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text itself, and the text without the one of {@code suffixes} it ends with, if any. */
    private static List<String> withAndWithoutSuffix(String text, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (text.endsWith(suffix)) {
                return List.of(text, text.substring(0, text.length() - suffix.length()));
            }
        }
        return List.of(text);
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
        String listed = String.join(", ", names.subList(0, Math.min(names.size(), NAMES_IN_REASON)));
        return "icon files named in Info.plist are missing: " + listed
                + (names.size() > NAMES_IN_REASON ? String.format(" and %,d more", names.size() - NAMES_IN_REASON) : "");
    }
}

package dev.slipway.install;

import dev.slipway.access.BuildScope;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.LinkToken;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.IndexEntry;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.install.page.AppPage;
import dev.slipway.install.page.BuildPage;
import dev.slipway.install.page.Verdict;
import dev.slipway.install.page.Visitor;
import dev.slipway.ipa.DeviceFamily;
import dev.slipway.ipa.Installability;
import dev.slipway.manifest.InstallLink;
import dev.slipway.text.PercentEncoding;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Whether a listed build installs for this visitor, judged from its index entry exactly as its build
 * page judges it ({@link Verdict}); the rows of an app page, and the "newer build" a build page names.
 */
final class BuildVerdicts {
    /** How many of a channel's newest builds are looked through for an installable one. */
    static final int HISTORY = 50;

    private final S3Catalog catalog;
    private final LinkSigner signer;
    private final Clock clock;
    private final Duration downloadTtl;

    BuildVerdicts(S3Catalog catalog, LinkSigner signer, Clock clock, Duration downloadTtl) {
        this.catalog = catalog;
        this.signer = signer;
        this.clock = clock;
        this.downloadTtl = downloadTtl;
    }

    /** What a verdict needs of a build, from its record (the build page). */
    Verdict.Build input(BuildRecord record) {
        return new Verdict.Build(Installability.assess(record.installFacts(), clock.instant()),
                familyLabels(record.deviceFamilies()), record.minimumOsVersion());
    }

    /**
     * What a verdict needs of a listed build: from its index entry, or from its record for entries
     * written before they carried {@link IndexEntry.Requirements}.
     *
     * @throws CatalogException if that record cannot be read
     */
    Verdict.Build input(IndexEntry entry) throws CatalogException {
        IndexEntry.Requirements requirements = entry.requirements();
        if (requirements == null) {
            Optional<BuildRecord> record = catalog.build(entry.id());
            if (record.isEmpty()) {
                return new Verdict.Build(List.of(new Installability.Finding(Installability.Severity.BLOCKER, "missing",
                        "the build's record is gone")), List.of(), null);
            }
            requirements = IndexEntry.Requirements.of(record.get());
        }
        return new Verdict.Build(Installability.assess(requirements.facts(), clock.instant()),
                familyLabels(requirements.deviceFamilies()), requirements.minimumOsVersion());
    }

    /** The rows of an app page answering this request. */
    PageRows rows(RequestContext request) {
        return new PageRows(request);
    }

    /**
     * Makes an app page's rows, with what every row's links share worked out once for the page:
     * the start and end of a build page link, and the start of an Install link, encoded (the
     * encoding of a whole is that of its parts one after the other).
     */
    final class PageRows {
        private final RequestContext request;
        private final boolean installsHere;
        private final String pageLinkStart;
        private final String pageLinkEnd;
        /** Made at the first Install link (it must be https, which only an Install link needs). */
        private String installLinkStart;

        private PageRows(RequestContext request) {
            this.request = request;
            Visitor.Kind kind = request.visitor().kind();
            this.installsHere = kind == Visitor.Kind.IOS_SAFARI || kind == Visitor.Kind.MAC;
            this.pageLinkStart = request.link("/b/");
            this.pageLinkEnd = "?t=" + request.rawToken();
        }

        /**
         * One row: its badge, and its own Install link (a manifest token minted now: the link
         * {@link BuildVerdicts#installLink} makes) when this visitor can install it from the page.
         *
         * @throws CatalogException if an old entry's record cannot be read
         */
        AppPage.BuildRow row(IndexEntry entry) throws CatalogException {
            Verdict verdict = Verdict.of(input(entry), request.visitor());
            String install = installsHere && verdict.installable() ? installLink(entry.id()) : null;
            return new AppPage.BuildRow(new AppPage.Build(Text.orDash(entry.version()), Text.orDash(entry.build()),
                    entry.channel(), entry.uploadedAt(), entry.size()), verdict.badge(), pageLink(entry.id()), install);
        }

        /** A build's page, with the token this page came with (it reaches the app's builds). */
        String pageLink(String id) {
            return pageLinkStart + id + pageLinkEnd;
        }

        private String installLink(String id) {
            if (installLinkStart == null) {
                installLinkStart = InstallLink.forManifest(request.link("/m/"));
            }
            return installLinkStart + PercentEncoding.encode(id + ".plist?t=" + manifestToken(id));
        }
    }

    /**
     * The newest build of the same app and channel, uploaded after this one, that this visitor can
     * install; withdrawn builds are skipped. Its link reuses the page's token when that reaches it
     * (an app or channel link); a build link gets a token for the newer build that ends when the
     * page's own does, so the tester is never handed more time than the link they were sent.
     *
     * @throws CatalogException if an index entry cannot be read
     */
    Optional<BuildPage.NewerBuild> newer(RequestContext request, LinkToken token, BuildRecord build)
            throws CatalogException {
        // One listing: the channel's entries and the app's withdrawn markers, which it leaves out.
        for (IndexEntry entry : catalog.appBuilds(build.bundleId(), build.channel(), HISTORY).newest()) {
            if (!entry.uploadedAt().isAfter(build.uploadedAt())) {
                break; // newest first: the rest are older
            }
            if (Verdict.of(input(entry), request.visitor()).installable()) {
                String t = token.covers(entry.id(), entry.bundleId(), entry.channel()) ? request.rawToken()
                        : signer.sign(new BuildScope(entry.id()), Purpose.PAGE,
                        Duration.between(clock.instant().truncatedTo(ChronoUnit.SECONDS), token.expiresAt()));
                return Optional.of(new BuildPage.NewerBuild(Text.orDash(entry.version()) + " (" + Text.orDash(entry.build())
                        + ")", entry.uploadedAt(), request.link("/b/" + entry.id() + "?t=" + t)));
            }
        }
        return Optional.empty();
    }

    /** The raw itms-services link of a build, with a manifest token minted for this request. */
    String installLink(RequestContext request, String id) {
        return InstallLink.forManifest(request.link("/m/" + id + ".plist?t=" + manifestToken(id)));
    }

    private String manifestToken(String id) {
        return signer.sign(new BuildScope(id), Purpose.MANIFEST, downloadTtl);
    }

    static List<String> familyLabels(List<String> ids) {
        String[] labels = new String[ids.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = familyLabel(ids.get(i));
        }
        return List.of(labels);
    }

    private static String familyLabel(String id) {
        for (DeviceFamily family : DeviceFamily.values()) {
            if (family.id().equals(id)) {
                return family.label();
            }
        }
        return id;
    }
}

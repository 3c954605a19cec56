package dev.slipway.ipa;

import dev.slipway.ipa.profile.ProvisioningProfile;
import java.util.List;

/**
 * Everything Slipway reads from an IPA.
 *
 * @param app the main app, {@code Payload/<Name>.app}
 * @param extensions app extensions ({@code PlugIns/*.appex}), including a Watch app's
 * @param watchApps Watch apps ({@code Watch/*.app})
 * @param appStoreEncrypted true if the binary carries App Store FairPlay data ({@code SC_Info/})
 * @param icon the chosen icon, or null (see {@code iconNote})
 * @param iconNote why there is no icon, or null when there is one
 * @param archiveSize the IPA's size in bytes
 * @param entryCount how many entries the ZIP holds
 * @param architectures the main executable's CPU architectures ({@link MachOHeader}); empty when not known
 */
public record IpaInfo(AppBundle app, List<AppBundle> extensions, List<AppBundle> watchApps, boolean appStoreEncrypted,
                      AppIcon icon, String iconNote, long archiveSize, int entryCount, List<String> architectures) {

    /** Without the executable's architectures (not read). */
    public IpaInfo(AppBundle app, List<AppBundle> extensions, List<AppBundle> watchApps, boolean appStoreEncrypted,
                   AppIcon icon, String iconNote, long archiveSize, int entryCount) {
        this(app, extensions, watchApps, appStoreEncrypted, icon, iconNote, archiveSize, entryCount, List.of());
    }

    /** The main app's provisioning profile, or null for an unsigned or simulator build. */
    public ProvisioningProfile profile() {
        return app.profile();
    }
}

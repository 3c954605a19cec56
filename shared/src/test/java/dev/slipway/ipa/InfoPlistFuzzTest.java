package dev.slipway.ipa;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.fixtures.FuzzBudget;

/** Info.plist on any bytes (binary, XML or ASCII): a bundle, or a {@link PlistFormatException}. */
class InfoPlistFuzzTest {

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void parse_anyBytes_onlyPlistFormatExceptionEscapes(byte[] bytes) {
        try {
            InfoPlist plist = InfoPlist.parse("Payload/A.app/Info.plist", bytes);
            plist.iconNames();
            plist.assetCatalogIconName();
            plist.platform();
            plist.toBundle("Payload/A.app/", null);
        } catch (PlistFormatException e) {
            FuzzBudget.checkOneLine(e);
        }
    }
}

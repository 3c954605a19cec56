package dev.slipway.ipa.profile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.fixtures.FuzzBudget;

/** Provisioning profiles (CMS or bare property list) on any bytes: a profile, or a {@link ProfileException}. */
class ProfileParserFuzzTest {

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void parse_anyBytes_onlyProfileExceptionEscapes(byte[] bytes) {
        try {
            ProvisioningProfile profile = ProfileParser.parse(bytes);
            profile.supportsPlatform("iOS");
        } catch (ProfileException e) {
            FuzzBudget.checkOneLine(e);
        }
    }
}

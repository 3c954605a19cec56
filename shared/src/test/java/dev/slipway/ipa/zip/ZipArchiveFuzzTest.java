package dev.slipway.ipa.zip;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.fixtures.BytesSource;
import dev.slipway.fixtures.FuzzBudget;
import dev.slipway.ipa.InvalidIpaException;
import dev.slipway.ipa.IpaReader;
import java.io.IOException;

/**
 * The ZIP reader, and the whole IPA reader on top of it, on any bytes: the only exception that may
 * come out is {@link InvalidIpaException} with a one-line reason. An {@link IOException} from an
 * in-memory source is a read past the end (issue 10, defect 3); an unchecked exception, or the
 * reader's own safety net catching one, is a bug.
 */
class ZipArchiveFuzzTest {
    private static final ZipLimits LIMITS = new ZipLimits(2_000, 1024 * 1024);

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void read_anyBytes_onlyInvalidIpaEscapes(byte[] bytes) throws IOException {
        try {
            ZipArchive zip = ZipArchive.open(new BytesSource(bytes), LIMITS);
            for (ArchiveEntry entry : zip.entries().subList(0, Math.min(20, zip.entries().size()))) {
                try {
                    zip.readPrefix(entry, 64);
                    zip.read(entry, 256 * 1024);
                } catch (InvalidIpaException e) {
                    FuzzBudget.checkOneLine(e);
                }
            }
        } catch (InvalidIpaException e) {
            FuzzBudget.checkOneLine(e);
        }
        try {
            new IpaReader(LIMITS).read(new BytesSource(bytes));
        } catch (InvalidIpaException e) {
            FuzzBudget.checkOneLine(e);
            if (e.getCause() instanceof RuntimeException || e.getCause() instanceof Error) {
                throw new AssertionError("the reader failed on its own: " + e.getCause(), e.getCause());
            }
        }
    }
}

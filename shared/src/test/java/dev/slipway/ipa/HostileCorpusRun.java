package dev.slipway.ipa;

import dev.slipway.fixtures.BytesSource;
import dev.slipway.fixtures.HostileCorpus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads every input of the {@link HostileCorpus} with the real reader, in a JVM of its own (the
 * test starts it with a 64 MB heap), printing one tab-separated line per input (category, name,
 * outcome, milliseconds, reason) and a summary with the worst time and the peak heap. Any
 * exception other than {@link InvalidIpaException}, or an error, is printed as a CRASH.
 */
public final class HostileCorpusRun {
    private HostileCorpusRun() {
    }

    public static void main(String[] args) {
        int bitFlips = Integer.parseInt(args[0]);
        int read = 0;
        int rejected = 0;
        int crashes = 0;
        long worstMillis = 0;
        String worst = "";
        Map<String, Integer> outcomes = new TreeMap<>();
        for (HostileCorpus.Input input : HostileCorpus.generate(bitFlips)) {
            String outcome;
            String reason = "";
            long started = System.nanoTime();
            try {
                byte[] bytes = input.bytes().get();
                started = System.nanoTime();
                IpaInfo info = new IpaReader().read(new BytesSource(bytes));
                outcome = "read";
                reason = info.app().bundleId();
                read++;
            } catch (InvalidIpaException e) {
                outcome = e.getClass().getSimpleName();
                reason = e.getMessage();
                boolean ownFailure = e.getCause() instanceof RuntimeException || e.getCause() instanceof Error;
                if (ownFailure || reason == null || reason.chars().anyMatch(c -> c < 0x20)) {
                    outcome = "CRASH " + outcome;
                    crashes++;
                } else {
                    rejected++;
                }
            } catch (Throwable e) {
                outcome = "CRASH " + e.getClass().getName();
                reason = String.valueOf(e.getMessage());
                crashes++;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis >= worstMillis) {
                worstMillis = millis;
                worst = input.category() + ": " + input.name();
            }
            outcomes.merge(input.category() + " -> " + outcome, 1, Integer::sum);
            System.out.println(String.join("\t", input.category(), oneLine(input.name()), outcome,
                    String.valueOf(millis), oneLine(reason)));
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        outcomes.forEach((outcome, count) -> System.out.println("OUTCOME\t" + outcome + "\t" + count));
        System.out.println("SUMMARY\tinputs=" + (read + rejected + crashes) + "\tread=" + read + "\trejected=" + rejected
                + "\tcrashes=" + crashes + "\tworstMs=" + worstMillis + "\tworst=" + oneLine(worst) + "\tpeakHeapMB="
                + peak / (1024 * 1024) + "\tmaxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static String oneLine(String text) {
        String escaped = InvalidIpaException.oneLine(String.valueOf(text));
        return escaped.length() > 160 ? escaped.substring(0, 160) + "…" : escaped;
    }
}

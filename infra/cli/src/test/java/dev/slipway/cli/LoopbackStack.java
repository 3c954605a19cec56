package dev.slipway.cli;

import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackException;
import java.nio.file.Path;

/** The local stack as the CLI tests run it: on 127.0.0.1 only, on free ports, with its own certificate authority. */
final class LoopbackStack {
    private LoopbackStack() {
    }

    static LocalStack.Options options(Path data) {
        return new LocalStack.Options(data, "127.0.0.1", "127.0.0.1", 0, 0, 0, null, null);
    }

    /** Starts it quietly (its console lines dropped). */
    static LocalStack start(Path data) throws LocalStackException {
        return LocalStack.start(options(data), line -> { });
    }
}

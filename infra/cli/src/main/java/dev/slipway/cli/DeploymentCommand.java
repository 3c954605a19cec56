package dev.slipway.cli;

import dev.slipway.catalog.CatalogException;
import dev.slipway.device.DeviceStoreException;
import dev.slipway.local.LocalStackException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * What the commands that act on a deployment ({@code link}, {@code revoke}, {@code devices},
 * {@code withdraw}, {@code restore}) share: the {@link Deployment.Options} mixin, resolving them, and
 * their options in the order they are declared.
 */
@Command(sortOptions = false)
abstract class DeploymentCommand extends SlipwayCommand {
    @Mixin
    Deployment.Options target;

    /** Whether the command must reach the bucket, or may do without (link). */
    boolean needsBucket() {
        return true;
    }

    /**
     * Checks what needs no deployment, before the target is resolved.
     *
     * @throws InvalidInputException if the arguments are unusable
     */
    void check() throws InvalidInputException {
    }

    /**
     * Acts on the resolved deployment.
     *
     * @return the exit code
     */
    abstract int run(Deployment deployment, PrintWriter out)
            throws InvalidInputException, CatalogException, DeviceStoreException;

    @Override
    public Integer call() throws InvalidInputException, LocalStackException, CatalogException, DeviceStoreException {
        check();
        PrintWriter out = out();
        try (Deployment deployment = Deployment.resolve(target, needsBucket())) {
            int code = run(deployment, out);
            out.flush();
            return code;
        }
    }
}

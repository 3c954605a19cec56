package dev.slipway.cli;

import dev.slipway.catalog.CatalogException;
import dev.slipway.device.DeviceStoreException;
import dev.slipway.local.LocalStackException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands that act on a deployment ({@code link}, {@code revoke}, {@code devices},
 * {@code withdraw}, {@code restore}) share: the {@link Deployment.Options} mixin, resolving them, and
 * printing to the command's out.
 */
abstract class DeploymentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

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
        PrintWriter out = spec.commandLine().getOut();
        try (Deployment deployment = Deployment.resolve(target, needsBucket())) {
            int code = run(deployment, out);
            out.flush();
            return code;
        }
    }
}

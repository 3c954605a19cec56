package dev.slipway.stack;

import java.util.Map;

/** The environment variables template.yaml gives each function, as the functions' config records read them. */
public final class StackEnvironment {
    private StackEnvironment() {
    }

    /**
     * The variable's value, so that a function missing one fails at init naming it.
     *
     * @throws IllegalStateException naming the variable (never a value) if it is unset or blank
     */
    public static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}

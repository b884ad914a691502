package dev.hypersearch.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Hidden-layer activation functions. The output layer's function is fixed by the {@link Loss}. */
public enum Activation {
    SIGMOID,
    TANH,
    RELU,
    /** max(z, slope*z) with a fixed slope ({@link NetworkConfig#leakySlope()}, default 0.01). */
    LEAKY_RELU,
    /** Like leaky ReLU but the slope is learned per unit (init 0.25, no weight decay). */
    PRELU,
    /** z for z > 0, alpha*(e^z - 1) otherwise ({@link NetworkConfig#eluAlpha()}, default 1.0). */
    ELU,
    LINEAR;

    /** The lower-case name used in search spaces and reports, e.g. {@code leaky_relu}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a lower-case name such as {@code "relu"} (case and surrounding blanks are forgiven).
     * {@code "step"} is named on purpose: users ask for it, and it must fail with the reason.
     */
    public static Activation parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("activation must not be null; allowed: " + allowed());
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("step") || key.equals("binary_step")) {
            throw new IllegalArgumentException("activation 'step' cannot be trained by gradient descent: "
                    + "its gradient is zero almost everywhere (and undefined at 0); allowed: " + allowed());
        }
        for (Activation a : values()) {
            if (a.id().equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; allowed: " + allowed());
    }

    private static String allowed() {
        return Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", "));
    }
}

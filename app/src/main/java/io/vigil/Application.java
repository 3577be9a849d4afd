package io.vigil;

import io.micronaut.runtime.Micronaut;

/** Starts Vigil: HTTP API on port 8080, one recorder per enabled camera. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .defaultEnvironments("vigil")
                .start();
    }
}

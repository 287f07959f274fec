package org.bianmin.device.cli;

import java.util.concurrent.Callable;
import org.bianmin.device.DeviceException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of every technician command: a {@code --json} switch, and typed device failures turned into
 * one line and an exit code (never a stack trace).
 */
abstract class DeviceCommand implements Callable<Integer> {
    protected final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print one JSON document instead of lines for a person")
    boolean json;

    DeviceCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Does the work; returns the exit code. */
    protected abstract int run() throws DeviceException;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (DeviceException e) {
            return terminal.fail(name(), e, json);
        }
    }

    protected String name() {
        return spec == null ? "kiosk" : spec.qualifiedName();
    }
}

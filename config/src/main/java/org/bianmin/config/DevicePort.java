package org.bianmin.config;

import java.util.Objects;

/** Where a device is attached: a serial port, or (receipt printers only) a TCP address. */
public sealed interface DevicePort {

    /** As written in the configuration. */
    String spec();

    /** A serial port by its device path, e.g. {@code /dev/ttyUSB0} or a pty link, or {@code COM3}. */
    record Serial(String path) implements DevicePort {
        public Serial {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String spec() {
            return path;
        }
    }

    /** A network printer, e.g. {@code tcp://192.0.2.10:9100}. */
    record Tcp(String host, int port) implements DevicePort {
        public Tcp {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String spec() {
            return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}

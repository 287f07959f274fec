package org.bianmin.device.link;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.bianmin.device.DeviceError;

/**
 * The one adapter over jssc: a real serial port (/dev/ttyUSB0, /dev/ttyACM0, or one end of a socat
 * pty pair). jssc has no blocking read with "at least one byte", so reads poll the input count with
 * a short, growing park.
 */
public final class JsscSerialLink implements SerialLink {
    private static final long MIN_PARK_NANOS = 100_000;
    private static final long MAX_PARK_NANOS = 2_000_000;

    private final SerialPort port;
    private final SerialSettings settings;

    private JsscSerialLink(SerialPort port, SerialSettings settings) {
        this.port = port;
        this.settings = settings;
    }

    /** Opens the port with the given settings, or explains in one line why it cannot. */
    public static JsscSerialLink open(String portName, SerialSettings settings) throws LinkException {
        if (portName.startsWith("/") && !Files.exists(Path.of(portName))) {
            throw new LinkException(DeviceError.PORT_NOT_FOUND, portName + " does not exist; "
                    + SerialPorts.foundSentence());
        }
        if (portName.startsWith("/") && Files.isDirectory(Path.of(portName))) {
            throw new LinkException(DeviceError.BAD_SETTINGS, portName + " is a directory, not a serial port; " + SerialPorts.foundSentence());
        }
        SerialPort port;
        try {
            port = new SerialPort(portName);
            port.openPort();
        } catch (SerialPortException e) {
            throw translateOpen(portName, e);
        } catch (LinkageError e) {
            throw new LinkException(DeviceError.LINK_IO, "the serial library's native part could not load (" + e.getMessage()
                    + "); jssc unpacks it under the temporary directory: make sure /tmp is writable and not mounted noexec", e);
        }
        try {
            port.setParams(settings.baud(), settings.dataBits(), stopBits(settings), parity(settings));
            port.setFlowControlMode(flow(settings));
            port.purgePort(SerialPort.PURGE_RXCLEAR | SerialPort.PURGE_TXCLEAR);
        } catch (SerialPortException e) {
            closeQuietly(port);
            throw new LinkException(DeviceError.BAD_SETTINGS, portName + ": cannot set " + settings + " ("
                    + e.getExceptionType() + "); is this a serial port?", e);
        }
        return new JsscSerialLink(port, settings);
    }

    private static LinkException translateOpen(String portName, SerialPortException e) {
        String type = e.getExceptionType();
        if (SerialPortException.TYPE_PORT_NOT_FOUND.equals(type)) {
            return new LinkException(DeviceError.PORT_NOT_FOUND, portName + " not found; " + SerialPorts.foundSentence(), e);
        }
        if (SerialPortException.TYPE_PERMISSION_DENIED.equals(type)) {
            return new LinkException(DeviceError.PERMISSION_DENIED, "permission denied on " + portName
                    + "; add the kiosk user to the 'dialout' group (usermod -aG dialout USER) and log in again", e);
        }
        if (SerialPortException.TYPE_PORT_BUSY.equals(type)) {
            return new LinkException(DeviceError.PORT_BUSY, portName + " is in use by another program; stop it (fuser " + portName + ")", e);
        }
        if (SerialPortException.TYPE_INCORRECT_SERIAL_PORT.equals(type)) {
            return new LinkException(DeviceError.BAD_SETTINGS, portName + " is not a serial port; " + SerialPorts.foundSentence(), e);
        }
        return new LinkException(DeviceError.LINK_IO, portName + ": cannot open (" + type + ")", e);
    }

    private static int stopBits(SerialSettings s) {
        return s.stopBits() == 2 ? SerialPort.STOPBITS_2 : SerialPort.STOPBITS_1;
    }

    private static int parity(SerialSettings s) {
        return switch (s.parity()) {
            case NONE -> SerialPort.PARITY_NONE;
            case ODD -> SerialPort.PARITY_ODD;
            case EVEN -> SerialPort.PARITY_EVEN;
            case MARK -> SerialPort.PARITY_MARK;
            case SPACE -> SerialPort.PARITY_SPACE;
        };
    }

    private static int flow(SerialSettings s) {
        return switch (s.flowControl()) {
            case NONE -> SerialPort.FLOWCONTROL_NONE;
            // the device drives our CTS; we never stop the device with RTS
            case RTS_CTS -> SerialPort.FLOWCONTROL_RTSCTS_OUT;
            // obey the device's XOFF, never emit XOFF into its data stream
            case XON_XOFF -> SerialPort.FLOWCONTROL_XONXOFF_OUT;
        };
    }

    public SerialSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return port.getPortName();
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        byte[] chunk = offset == 0 && length == data.length ? data : Arrays.copyOfRange(data, offset, offset + length);
        try {
            if (!port.writeBytes(chunk)) {
                throw new LinkException(DeviceError.LINK_IO, name() + ": write failed (device unplugged?)");
            }
        } catch (SerialPortException e) {
            throw new LinkException(DeviceError.LINK_IO, name() + ": write failed (" + e.getExceptionType() + ")", e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long park = MIN_PARK_NANOS;
        try {
            while (true) {
                int available = port.getInputBufferBytesCount();
                if (available < 0) {
                    throw new LinkException(DeviceError.LINK_IO, name() + ": the port stopped answering (device unplugged?)");
                }
                if (available > 0) {
                    byte[] got = port.readBytes(Math.min(available, length));
                    System.arraycopy(got, 0, buffer, offset, got.length);
                    return got.length;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                LockSupport.parkNanos(Math.min(left, park));
                park = Math.min(MAX_PARK_NANOS, park * 2);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new LinkException(DeviceError.LINK_IO, name() + ": interrupted while reading");
                }
            }
        } catch (SerialPortException e) {
            throw new LinkException(DeviceError.LINK_IO, name() + ": read failed (" + e.getExceptionType() + ")", e);
        }
    }

    @Override
    public void discardInput() throws LinkException {
        try {
            port.purgePort(SerialPort.PURGE_RXCLEAR);
        } catch (SerialPortException e) {
            throw new LinkException(DeviceError.LINK_IO, name() + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public boolean isOpen() {
        return port.isOpened();
    }

    @Override
    public void close() {
        closeQuietly(port);
    }

    private static void closeQuietly(SerialPort p) {
        try {
            if (p.isOpened()) {
                p.closePort();
            }
        } catch (SerialPortException ignored) {
            // closing a port whose device vanished fails; it is closed as far as we can tell
        }
    }
}

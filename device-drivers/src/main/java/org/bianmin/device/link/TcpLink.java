package org.bianmin.device.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.bianmin.device.DeviceError;

/** A raw TCP connection, as network ESC/POS printers offer on port 9100. */
public final class TcpLink implements SerialLink {
    public static final int RAW_PRINT_PORT = 9100;

    private final String name;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TcpLink(String name, Socket socket) throws IOException {
        this.name = name;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static TcpLink connect(String host, int port, Duration connectTimeout) throws LinkException {
        String name = "tcp://" + host + ":" + port;
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return new TcpLink(name, s);
        } catch (UnknownHostException e) {
            closeQuietly(s);
            throw new LinkException(DeviceError.PORT_NOT_FOUND, name + ": unknown host " + host + "; check the printer's address");
        } catch (ConnectException e) {
            closeQuietly(s);
            throw new LinkException(DeviceError.PORT_NOT_FOUND, name + ": connection refused; is the printer on and is raw printing enabled on port " + port + "?");
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new LinkException(DeviceError.TIMEOUT, name + ": no answer within " + connectTimeout.toMillis() + " ms; check the cable and the address");
        } catch (IOException e) {
            closeQuietly(s);
            throw new LinkException(DeviceError.LINK_IO, name + ": " + e.getMessage(), e);
        }
    }

    /** Wraps a socket already connected (e.g. accepted by a simulator's server socket). */
    public static TcpLink over(Socket socket) throws LinkException {
        try {
            socket.setTcpNoDelay(true);
            return new TcpLink("tcp://" + socket.getRemoteSocketAddress(), socket);
        } catch (IOException e) {
            throw new LinkException(DeviceError.LINK_IO, "socket: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to do with a socket that failed to connect
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        try {
            out.write(data, offset, length);
            out.flush();
        } catch (IOException e) {
            throw new LinkException(DeviceError.LINK_IO, name + ": write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                throw new LinkException(DeviceError.LINK_IO, name + ": the printer closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            throw new LinkException(DeviceError.LINK_IO, name + ": read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void discardInput() throws LinkException {
        try {
            while (in.available() > 0) {
                if (in.skip(in.available()) <= 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new LinkException(DeviceError.LINK_IO, name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }
}

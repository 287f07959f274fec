package org.bianmin.device.printer.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bianmin.device.DeviceError;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device end of a raw TCP port (9100 on a network printer), so a simulator can stand in for a
 * network printer: it listens, serves one accepted connection at a time, and when that connection
 * closes it accepts the next, as a kiosk reconnects. A second client waits in the backlog until
 * the first is done. Bytes written while nobody is connected are lost; closing stops listening.
 */
public final class TcpListeningLink implements SerialLink {
    private static final Logger log = LoggerFactory.getLogger(TcpListeningLink.class);
    private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);

    private final ServerSocket server;
    private final String name;
    private final Object lock = new Object();
    private final Thread acceptor;
    private volatile boolean closed;
    private Socket current;
    private InputStream in;
    private OutputStream out;
    private int connections;

    private TcpListeningLink(ServerSocket server) {
        this.server = server;
        this.name = "tcp-listen://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
        this.acceptor = Thread.ofPlatform().daemon().name("accept " + name).start(this::acceptLoop);
    }

    /** Listens on 127.0.0.1; port 0 picks a free port, see {@link #port()}. */
    public static TcpListeningLink listen(int port) throws LinkException {
        return listen(InetAddress.getLoopbackAddress(), port);
    }

    /** Listens on {@code bindAddress} (e.g. 0.0.0.0 for every interface); port 0 picks a free port. */
    public static TcpListeningLink listen(InetAddress bindAddress, int port) throws LinkException {
        if (port < 0 || port > 65_535) {
            throw new LinkException(DeviceError.BAD_SETTINGS, "TCP port " + port + " is out of range; use 1..65535 (9100 for raw printing) or 0 for any free port");
        }
        String where = bindAddress.getHostAddress() + ":" + port;
        ServerSocket s = null;
        try {
            s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bindAddress, port), 4);
            return new TcpListeningLink(s);
        } catch (BindException e) {
            closeQuietly(s);
            throw new LinkException(DeviceError.PORT_BUSY, where + " cannot be listened on (" + e.getMessage()
                    + "); stop whatever listens there, or choose another port or address");
        } catch (IOException e) {
            closeQuietly(s);
            throw new LinkException(DeviceError.LINK_IO, where + ": " + e.getMessage(), e);
        }
    }

    /** The port listened on: the one asked for, or the one picked for port 0. */
    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        synchronized (lock) {
            return connections;
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                synchronized (lock) {
                    while (current != null && !closed) {
                        lock.wait();
                    }
                }
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                synchronized (lock) {
                    current = s;
                    in = s.getInputStream();
                    out = s.getOutputStream();
                    connections++;
                    lock.notifyAll();
                }
                log.info("{}: connection from {}", name, s.getRemoteSocketAddress());
            } catch (IOException e) {
                if (!closed) {
                    log.warn("{}: accepting a connection failed: {}", name, e.getMessage());
                    // e.g. out of file descriptors: try again shortly rather than spin
                    LockSupport.parkNanos(ACCEPT_RETRY.toNanos());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void drop(Socket s, String why) {
        synchronized (lock) {
            if (current != s) {
                return;
            }
            current = null;
            in = null;
            out = null;
            lock.notifyAll();
        }
        closeQuietly(s);
        if (!closed) {
            log.info("{}: {} {}; waiting for the next connection", name, s.getRemoteSocketAddress(), why);
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** Sends to the connected client; with none connected the bytes are lost, as a reply to nobody. */
    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        Socket s;
        OutputStream o;
        synchronized (lock) {
            s = current;
            o = out;
        }
        requireOpen();
        if (o == null) {
            return;
        }
        try {
            o.write(data, offset, length);
            o.flush();
        } catch (IOException e) {
            drop(s, "went away (" + e.getMessage() + ")");
        }
    }

    /** Reads from the connected client, waiting within {@code timeout} for one to connect; 0 when nothing came. */
    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Socket s;
        InputStream i;
        synchronized (lock) {
            while (current == null) {
                requireOpen();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LinkException(DeviceError.LINK_IO, name + ": interrupted while waiting for a connection");
                }
            }
            s = current;
            i = in;
        }
        try {
            s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            int n = i.read(buffer, offset, length);
            if (n < 0) {
                drop(s, "closed the connection");
                return 0;
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            requireOpen();
            drop(s, "went away (" + e.getMessage() + ")");
            return 0;
        }
    }

    @Override
    public void discardInput() throws LinkException {
        Socket s;
        InputStream i;
        synchronized (lock) {
            s = current;
            i = in;
        }
        requireOpen();
        if (i == null) {
            return;
        }
        try {
            while (i.available() > 0) {
                if (i.skip(i.available()) <= 0) {
                    break;
                }
            }
        } catch (IOException e) {
            drop(s, "went away (" + e.getMessage() + ")");
        }
    }

    private void requireOpen() throws LinkException {
        if (closed) {
            throw new LinkException(DeviceError.LINK_IO, name + " is closed");
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    /** Stops listening and closes the connection, if any. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        Socket s;
        synchronized (lock) {
            s = current;
            current = null;
            in = null;
            out = null;
            lock.notifyAll();
        }
        if (s != null) {
            closeQuietly(s);
        }
        acceptor.interrupt();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is all that is left to do
        }
    }
}

package org.bianmin.backend.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * What is left of a request body when the backend answers without reading it all (a bad token, a bundle over 20 MiB by
 * its Content-Length, a console form over its limit). HTTP/1.1 gives a client that is still sending no way to hear
 * an answer sent early: the server closes the connection with bytes unread, the kernel resets it, and the client
 * sees "connection reset" instead of the 401 or 413 and its reason. So the rest is read and dropped first, up to
 * {@link #LIMIT}; past that, or when it stops arriving, the connection is closed as before.
 *
 * <p>A client that sent {@code Expect: 100-continue} (the kiosk and curl, for a large body) has sent nothing the
 * backend did not ask for: reading now would ask for the body the answer refuses, so nothing is read.
 */
public final class UnreadBody {
    /** The most bytes read and dropped for one answer: a 20 MiB bundle and its form or framing, with room. */
    public static final long LIMIT = 32L * 1024 * 1024;

    private UnreadBody() {
    }

    /** Reads and drops the rest of {@code ctx}'s body when it is at most {@link #LIMIT} bytes; never fails. */
    public static void discard(Context ctx) {
        String expect = ctx.header("Expect");
        if (expect != null && expect.toLowerCase(Locale.ROOT).contains("100-continue")) {
            return;
        }
        if (ctx.req().getContentLengthLong() > LIMIT) {
            return;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            long dropped = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; dropped <= LIMIT && (n = in.read(buffer)) >= 0; ) {
                dropped += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the body was already taken as a reader: Jetty closes the connection itself
        }
    }
}

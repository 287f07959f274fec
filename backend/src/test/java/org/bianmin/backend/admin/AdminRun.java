package org.bianmin.backend.admin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** One {@code ./kiosk admin} command run in this JVM, as the admin tests see it: its exit code and what it printed. */
record AdminRun(int code, String out, String err) {

    static AdminRun of(String[] args, Map<String, String> env) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = AdminCli.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), env);
        return new AdminRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** {@code args} with {@code --backend URL} after them. */
    static String[] against(String backend, String... args) {
        String[] withBackend = Arrays.copyOf(args, args.length + 2);
        withBackend[args.length] = "--backend";
        withBackend[args.length + 1] = backend;
        return withBackend;
    }
}

package org.bianmin.device.document;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * The IPP/1.1 binary encoding (RFC 8010) of the few operations the document printer needs from CUPS:
 * printer attributes, the queue's jobs, one job's state, and cancelling a job. Pure functions between
 * messages and bytes; {@link CupsPrintQueue} moves the bytes.
 */
public final class Ipp {
    public static final int CANCEL_JOB = 0x0008;
    public static final int GET_JOB_ATTRIBUTES = 0x0009;
    public static final int GET_JOBS = 0x000A;
    public static final int GET_PRINTER_ATTRIBUTES = 0x000B;

    // delimiter tags: one byte before each attribute group
    public static final int OPERATION_GROUP = 0x01;
    public static final int JOB_GROUP = 0x02;
    static final int END_OF_ATTRIBUTES = 0x03;
    public static final int PRINTER_GROUP = 0x04;
    public static final int UNSUPPORTED_GROUP = 0x05;

    // value tags used here
    public static final int INTEGER = 0x21;
    public static final int BOOLEAN = 0x22;
    public static final int ENUM = 0x23;
    public static final int TEXT_WITH_LANGUAGE = 0x35;
    public static final int NAME_WITH_LANGUAGE = 0x36;
    public static final int TEXT = 0x41;
    public static final int NAME = 0x42;
    public static final int KEYWORD = 0x44;
    public static final int URI = 0x45;
    public static final int CHARSET = 0x47;
    public static final int LANGUAGE = 0x48;

    /** Version 1.1: what every CUPS since 1.0 understands. */
    private static final int VERSION = 0x0101;

    private Ipp() {}

    /** One value as it came off the wire: its tag and its bytes. */
    public record Value(int tag, byte[] bytes) {

        /** integer and enum: four bytes, big-endian. */
        public int asInt() {
            if (bytes.length != 4) {
                throw new IllegalStateException("an IPP integer has 4 bytes, this value has " + bytes.length);
            }
            return ByteBuffer.wrap(bytes).getInt();
        }

        public boolean asBoolean() {
            return bytes.length == 1 && bytes[0] != 0;
        }

        /** Text, name, keyword, URI…; for the with-language forms, the text without its language. */
        public String asString() {
            if ((tag == TEXT_WITH_LANGUAGE || tag == NAME_WITH_LANGUAGE) && bytes.length >= 4) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                int langLength = b.getShort() & 0xFFFF;
                if (2 + langLength + 2 <= bytes.length) {
                    b.position(2 + langLength);
                    int textLength = b.getShort() & 0xFFFF;
                    if (b.remaining() >= textLength) {
                        return new String(bytes, b.position(), textLength, StandardCharsets.UTF_8);
                    }
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static Value of(int tag, String s) {
            return new Value(tag, s.getBytes(StandardCharsets.UTF_8));
        }

        static Value of(int tag, int i) {
            return new Value(tag, ByteBuffer.allocate(4).putInt(i).array());
        }

        static Value of(boolean b) {
            return new Value(BOOLEAN, new byte[] {(byte) (b ? 1 : 0)});
        }
    }

    /** A named attribute with one or more values. */
    public record Attribute(String name, List<Value> values) {
        public Attribute {
            values = List.copyOf(values);
        }

        public Value first() {
            return values.get(0);
        }

        public List<String> strings() {
            return values.stream().map(Value::asString).toList();
        }
    }

    /** The attributes between two delimiter tags, e.g. one job of a Get-Jobs reply. */
    public record Group(int tag, List<Attribute> attributes) {
        public Group {
            attributes = List.copyOf(attributes);
        }

        public Optional<Attribute> get(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
        }

        public Optional<Integer> integer(String name) {
            return get(name).filter(a -> a.first().bytes().length == 4).map(a -> a.first().asInt());
        }

        public Optional<String> string(String name) {
            return get(name).map(a -> a.first().asString());
        }

        public List<String> strings(String name) {
            return get(name).map(Attribute::strings).orElse(List.of());
        }
    }

    /** A reply: the status code (below 0x0100 is success), the request id it answers, its groups. */
    public record Response(int version, int status, int requestId, List<Group> groups) {
        public Response {
            groups = List.copyOf(groups);
        }

        public boolean successful() {
            return status >= 0 && status < 0x0100;
        }

        public List<Group> groups(int tag) {
            return groups.stream().filter(g -> g.tag() == tag).toList();
        }

        public Optional<Group> group(int tag) {
            return groups.stream().filter(g -> g.tag() == tag).findFirst();
        }

        /** The server's status message, if it sent one. */
        public Optional<String> statusMessage() {
            return group(OPERATION_GROUP).flatMap(g -> g.string("status-message"));
        }
    }

    /**
     * A request: the operation, then the operation attributes in the order RFC 8011 wants them
     * (attributes-charset and attributes-natural-language first, added here).
     */
    public static final class Request {
        private final int operation;
        private final int requestId;
        private final List<Attribute> attributes = new ArrayList<>();

        public Request(int operation, int requestId) {
            this.operation = operation;
            this.requestId = requestId;
            attributes.add(new Attribute("attributes-charset", List.of(Value.of(CHARSET, "utf-8"))));
            attributes.add(new Attribute("attributes-natural-language", List.of(Value.of(LANGUAGE, "en"))));
        }

        public Request string(int tag, String name, String... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("IPP attribute " + name + " needs at least one value");
            }
            List<Value> vs = new ArrayList<>();
            for (String v : values) {
                vs.add(Value.of(tag, v));
            }
            attributes.add(new Attribute(name, vs));
            return this;
        }

        public Request integer(String name, int value) {
            attributes.add(new Attribute(name, List.of(Value.of(INTEGER, value))));
            return this;
        }

        public Request bool(String name, boolean value) {
            attributes.add(new Attribute(name, List.of(Value.of(value))));
            return this;
        }

        public int requestId() {
            return requestId;
        }

        /** version, operation-id, request-id, the operation group, end-of-attributes; no document data. */
        public byte[] encode() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            short16(out, VERSION);
            short16(out, operation);
            int32(out, requestId);
            out.write(OPERATION_GROUP);
            for (Attribute a : attributes) {
                boolean first = true;
                for (Value v : a.values()) {
                    byte[] name = first ? a.name().getBytes(StandardCharsets.UTF_8) : new byte[0];
                    out.write(v.tag());
                    short16(out, name.length);
                    out.writeBytes(name);
                    short16(out, v.bytes().length);
                    out.writeBytes(v.bytes());
                    first = false;
                }
            }
            out.write(END_OF_ATTRIBUTES);
            return out.toByteArray();
        }

        private static void short16(ByteArrayOutputStream out, int v) {
            out.write((v >>> 8) & 0xFF);
            out.write(v & 0xFF);
        }

        private static void int32(ByteArrayOutputStream out, int v) {
            short16(out, v >>> 16);
            short16(out, v & 0xFFFF);
        }
    }

    /**
     * Reads a reply. A value with an empty name is one more value of the attribute before it
     * (collection members arrive that way too and are kept as such).
     *
     * @throws DeviceException {@link DeviceError#UNEXPECTED_REPLY} when the bytes are not an IPP reply
     */
    public static Response decode(byte[] bytes) throws DeviceException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.remaining() < 8) {
            throw bad("the reply has " + bytes.length + " bytes; an IPP reply has at least 8");
        }
        int version = b.getShort() & 0xFFFF;
        int status = b.getShort() & 0xFFFF;
        int requestId = b.getInt();
        if ((version >>> 8) < 1 || (version >>> 8) > 2) {
            throw bad("IPP version " + (version >>> 8) + "." + (version & 0xFF) + " is not 1.x or 2.x; is this an IPP server?");
        }
        List<Group> groups = new ArrayList<>();
        int groupTag = -1;
        List<Attribute> attrs = null;
        String lastName = null;
        List<Value> lastValues = null;
        while (true) {
            if (!b.hasRemaining()) {
                throw bad("the reply ends at byte " + b.position() + " without end-of-attributes");
            }
            int tag = b.get() & 0xFF;
            if (tag <= 0x0F) {
                if (lastName != null) {
                    attrs.add(new Attribute(lastName, lastValues));
                    lastName = null;
                }
                if (attrs != null) {
                    groups.add(new Group(groupTag, attrs));
                    attrs = null;
                }
                if (tag == END_OF_ATTRIBUTES) {
                    return new Response(version, status, requestId, groups);
                }
                groupTag = tag;
                attrs = new ArrayList<>();
                continue;
            }
            if (attrs == null) {
                throw bad("value tag 0x" + Integer.toHexString(tag) + " at byte " + (b.position() - 1) + " comes before any group");
            }
            String name = new String(take(b, length(b, "name")), StandardCharsets.UTF_8);
            byte[] value = take(b, length(b, "value"));
            if (name.isEmpty()) {
                if (lastName == null) {
                    throw bad("an additional value at byte " + b.position() + " has no attribute before it");
                }
                lastValues.add(new Value(tag, value));
            } else {
                if (lastName != null) {
                    attrs.add(new Attribute(lastName, lastValues));
                }
                lastName = name;
                lastValues = new ArrayList<>();
                lastValues.add(new Value(tag, value));
            }
        }
    }

    private static int length(ByteBuffer b, String what) throws DeviceException {
        if (b.remaining() < 2) {
            throw bad("the reply ends inside the length of a " + what + " at byte " + b.position());
        }
        return b.getShort() & 0xFFFF;
    }

    private static byte[] take(ByteBuffer b, int n) throws DeviceException {
        if (b.remaining() < n) {
            throw bad("a field of " + n + " bytes at byte " + b.position() + " runs past the end of the reply (" + b.limit() + " bytes)");
        }
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    private static DeviceException bad(String detail) {
        return new DeviceException(DeviceError.UNEXPECTED_REPLY, "IPP: " + detail);
    }
}

package org.bianmin.device.document;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;

/** Random and corrupted replies give a response or a typed error, never a crash. */
class IppProperties {

    @Property
    void anyBytesGiveAResponseOrATypedError(@ForAll @Size(max = 300) byte[] bytes) {
        decodes(bytes);
    }

    @Property
    void aRealReplyWithOneByteChangedGivesAResponseOrATypedError(@ForAll byte value, @ForAll int where) {
        byte[] reply = Hex.parse(IppTest.STOPPED_PRINTER);
        reply[Math.floorMod(where, reply.length)] = value;
        decodes(reply);
    }

    private static void decodes(byte[] bytes) {
        try {
            assertNotNull(Ipp.decode(bytes).groups());
        } catch (DeviceException e) {
            if (e.error() != DeviceError.UNEXPECTED_REPLY) {
                throw new AssertionError("unexpected error kind " + e.error(), e);
            }
        }
    }
}

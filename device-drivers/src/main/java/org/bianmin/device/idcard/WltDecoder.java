package org.bianmin.device.idcard;

import java.awt.image.BufferedImage;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * Turns the 1024-byte WLT photo into the 102 × 126 picture. No open-source decoder exists; a vendor
 * library (libwlt2bmp.so, termb.dll, …) is wrapped behind this interface. {@link #NONE} is the default.
 */
public interface WltDecoder {
    /** Width of a decoded card photo in pixels. */
    int WIDTH = 102;
    /** Height of a decoded card photo in pixels. */
    int HEIGHT = 126;

    /** The default when no vendor library is configured: every decode fails and says so. */
    WltDecoder NONE = new WltDecoder() {
        @Override
        public BufferedImage decode(WltPhoto photo) throws DeviceException {
            throw new DeviceException(DeviceError.BAD_SETTINGS, "no WLT photo decoder is installed; the raw "
                    + photo.size() + " photo bytes are kept, but showing the photo needs the reader vendor's library"
                    + " (e.g. libwlt2bmp.so) configured as the id-card wlt-decoder");
        }

        @Override
        public boolean installed() {
            return false;
        }

        @Override
        public String toString() {
            return "WltDecoder.NONE";
        }
    };

    BufferedImage decode(WltPhoto photo) throws DeviceException;

    /** False for {@link #NONE}: a UI can skip the photo instead of trying and failing. */
    default boolean installed() {
        return true;
    }
}

package org.bianmin.device.printer;

/** How a grey image becomes black and white dots: a plain threshold (logos, codes) or Floyd–Steinberg (photos). */
public enum Dither {
    THRESHOLD,
    FLOYD_STEINBERG
}

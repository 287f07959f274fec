package org.bianmin.kiosk.print;

/** The two things a visit prints. */
public enum PrintPart { DOCUMENT, RECEIPT }

/**
 * The A4 document printer: {@link org.bianmin.device.document.DocumentPrinter} in the app's words,
 * {@link org.bianmin.device.document.Ipp} (the IPP codec), {@link org.bianmin.device.document.CupsPrintQueue}
 * (the wire: javax.print and IPP to cupsd), {@link org.bianmin.device.document.CupsDocumentPrinter}
 * (the driver, with its ledger), and in {@code sim} the simulator that prints into a directory.
 */
package org.bianmin.device.document;

/**
 * Printing a visit's document as a ledger: the A4 document through the document printer (CUPS) and
 * the receipt through the receipt printer, each job with an idempotency key, status checked before
 * and after, the outcome reported to the backend, never printed twice.
 */
package org.bianmin.kiosk.print;

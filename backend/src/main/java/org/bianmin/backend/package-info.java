/** The reference backend: identity, signed documents, verification, print ledger, fleet config. */
package org.bianmin.backend;

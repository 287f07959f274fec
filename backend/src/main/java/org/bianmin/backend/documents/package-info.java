/**
 * The documents the backend issues as signed A4 PDFs: the social-insurance participation certificate
 * and the licences, with Chinese text in an embedded subset font, a verification code, a QR code to
 * the public verification page, a generated demo seal and a detached CMS signature.
 */
package org.bianmin.backend.documents;

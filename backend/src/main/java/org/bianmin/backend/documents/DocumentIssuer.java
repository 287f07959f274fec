package org.bianmin.backend.documents;

import java.time.ZoneId;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.domain.Licence;

/**
 * Renders and signs the backend's documents in one call: the participation certificate and the
 * licences, each returned as a signed PDF. The signature names the document's issuing authority (the
 * certificate's agency, the licence's own issuer); the key is the platform's. Safe to share between threads.
 */
public final class DocumentIssuer {
    private final CertificateRenderer certificates;
    private final LicenceRenderer licences;
    private final PdfSigner signer;
    private final ZoneId zone;

    public DocumentIssuer(DocumentFont font, SigningKeys keys, ZoneId zone) {
        this.certificates = new CertificateRenderer(font);
        this.licences = new LicenceRenderer(font);
        this.signer = new PdfSigner(keys);
        this.zone = zone;
    }

    public byte[] certificate(InsuranceHistory history, IssueDetails issue) {
        return signer.sign(certificates.render(history, issue), issue.agency().name(), CertificateRenderer.TITLE,
                issue.printedAt().atZone(zone));
    }

    public byte[] licence(Licence licence, IssueDetails issue) {
        return signer.sign(licences.render(licence, issue), licence.issuer().name(), licence.kind().chinese(),
                issue.printedAt().atZone(zone));
    }
}

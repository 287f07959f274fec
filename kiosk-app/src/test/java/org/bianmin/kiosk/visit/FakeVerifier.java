package org.bianmin.kiosk.visit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.bianmin.kiosk.document.DocumentVerifier;
import org.bianmin.kiosk.document.UntrustedDocumentException;
import org.bianmin.kiosk.document.VerifiedDocument;

/** A document check that trusts every PDF unless the test scripted a refusal; it remembers what it vouched for. */
final class FakeVerifier implements DocumentVerifier {
    private final Deque<UntrustedDocumentException.Reason> refusals = new ArrayDeque<>();
    private final List<VerifiedDocument> vouched = new ArrayList<>();

    /** The next PDF is refused for {@code reason}. */
    void willRefuse(UntrustedDocumentException.Reason reason) {
        refusals.add(reason);
    }

    @Override
    public VerifiedDocument verify(byte[] pdf, String expectedSha256) throws UntrustedDocumentException {
        UntrustedDocumentException.Reason r = refusals.poll();
        if (r != null) {
            throw new UntrustedDocumentException(r, "scripted refusal: " + r);
        }
        VerifiedDocument d = new VerifiedDocument(pdf, "CN=示例政务服务平台", VisitFixtures.NOW, expectedSha256);
        vouched.add(d);
        return d;
    }

    /** Every document this check vouched for, in order. */
    List<VerifiedDocument> vouched() {
        return List.copyOf(vouched);
    }

    VerifiedDocument last() {
        if (vouched.isEmpty()) {
            throw new AssertionError("no document was checked");
        }
        return vouched.getLast();
    }
}

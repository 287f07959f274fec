-- Identification and issued documents. Plain SQL that PostgreSQL and H2 (MODE=PostgreSQL) both accept.

-- QR codes a citizen or a licence holder can show (e-social-security card, e-business licence); only the
-- hex SHA-256 of the code is stored. subject_ref is the citizen's ID number or the licence number.
CREATE TABLE qr_codes (
    code_hash    CHAR(64)    PRIMARY KEY,
    subject_kind VARCHAR(16) NOT NULL CHECK (subject_kind IN ('citizen', 'licence')),
    subject_ref  VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Short-lived subject tokens handed to a kiosk after identification; only the hash is stored.
CREATE TABLE subject_tokens (
    token_hash   CHAR(64)    PRIMARY KEY,
    kiosk_id     VARCHAR(64) NOT NULL REFERENCES kiosks (id),
    subject_kind VARCHAR(16) NOT NULL CHECK (subject_kind IN ('citizen', 'licence')),
    subject_ref  VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX subject_tokens_expiry ON subject_tokens (expires_at);

-- Every issued document: the signed PDF as issued, its SHA-256, its verification code and its 办件编号.
CREATE TABLE documents (
    id                VARCHAR(36)  PRIMARY KEY,
    kiosk_id          VARCHAR(64)  NOT NULL REFERENCES kiosks (id),
    service_code      VARCHAR(64)  NOT NULL REFERENCES services (code),
    case_number       VARCHAR(64)  NOT NULL UNIQUE,
    title             VARCHAR(100) NOT NULL,
    -- the masked holder name (a person) or the organisation's name (a licence)
    holder            VARCHAR(200) NOT NULL,
    subject_kind      VARCHAR(16)  NOT NULL CHECK (subject_kind IN ('citizen', 'licence')),
    subject_ref       VARCHAR(64)  NOT NULL,
    verification_code CHAR(16)     NOT NULL UNIQUE,
    sha256            CHAR(64)     NOT NULL,
    pdf               BYTEA        NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until       DATE
);

CREATE INDEX documents_kiosk ON documents (kiosk_id, issued_at);

package org.bianmin.kiosk.backend;

/** A print job's state in the backend's ledger: queued, then printed or failed (both final). */
public enum PrintState { QUEUED, PRINTED, FAILED }

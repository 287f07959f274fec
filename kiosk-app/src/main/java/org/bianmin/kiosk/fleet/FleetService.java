package org.bianmin.kiosk.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The fleet service's desired and reported configuration as the kiosk's {@link FleetClient} uses it: blocking calls,
 * made on the client's own threads (operations getDesiredConfig and reportConfig of the backend's contract).
 */
public interface FleetService {

    /**
     * The layers this kiosk should run, once they differ from the answer named {@code known}; waits up to {@code wait}
     * for a change.
     *
     * @param known the etag of the last answer, empty for the first request
     * @return the new answer, or empty when nothing changed within {@code wait}
     * @throws FleetServiceException when the fleet service did not answer, failed, or refused the kiosk
     */
    Optional<DesiredLayers> desired(Optional<String> known, Duration wait) throws FleetServiceException;

    /**
     * Replaces what the fleet service knows of this kiosk's configuration with these reports, one per layer.
     *
     * @throws FleetServiceException when the report did not get through or was refused
     */
    void report(List<ReportedConfig> layers) throws FleetServiceException;
}

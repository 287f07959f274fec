-- Fleet housekeeping. Plain SQL that PostgreSQL and H2 (MODE=PostgreSQL) both accept.

-- Kiosks an admin removed from the fleet (decommissioned): the row stays, so the kiosk's heartbeats, documents, prints,
-- reports and audit rows keep their kiosk; its token no longer opens the kiosk API and it leaves every list and count.
ALTER TABLE kiosks ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;

-- A target whose layer an admin withdrew (before removing its group): no kiosk gets it; version stays the latest pushed,
-- so no older rollout of the target counts as open again. A later push sets the layer again.
ALTER TABLE config_targets ADD COLUMN cleared_at TIMESTAMP WITH TIME ZONE;

package org.bianmin.backend.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.backend.auth.AuthenticationException;
import org.bianmin.backend.store.DesiredConfigs;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kiosk admin} housekeeping in-process against a real backend: kiosk remove and rotate-token say what they would
 * do until given --yes, kiosk move, group remove with its refusals in one line each, and config clear.
 */
class AdminHousekeepingCliTest extends DemoBackendAdminCli {
    /** Adds a kiosk from the command line and returns the token it printed. */
    String addKiosk(String id, String... groupOptions) {
        List<String> args = new ArrayList<>(List.of("kiosk", "add", id, "--name", "城关镇便民服务中心"));
        args.addAll(List.of(groupOptions));
        assertEquals(0, admin(args.toArray(String[]::new)), err);
        return out.lines().filter(l -> l.startsWith("  ")).findFirst().orElseThrow().strip();
    }

    @Test
    void kioskRemoveSaysWhatItWouldDoAndChangesNothingUntilGivenYes() {
        assertEquals(0, admin("group", "add", "xiaoshan-east"), err);
        String token = addKiosk("xs-east-01", "--group", "xiaoshan-east");

        assertEquals(2, admin("kiosk", "remove", "xs-east-01"));

        assertTrue(out.startsWith("Would remove kiosk xs-east-01 (城关镇便民服务中心), never-seen, in group xiaoshan-east:"), out);
        assertTrue(out.contains("its token stops working at once"), out);
        assertEquals("kiosk admin: nothing removed; run it again with --yes to remove kiosk xs-east-01\n", err);
        assertEquals("xs-east-01", app.authenticator().authenticate("Bearer " + token).id(), "nothing changed");

        assertEquals(0, admin("kiosk", "remove", "xs-east-01", "--yes"), err);

        assertEquals("Kiosk xs-east-01 (城关镇便民服务中心) removed from the fleet; it left xiaoshan-east. Its token no longer works.\n"
                + "Its history is kept; ./kiosk admin kiosk add xs-east-01 --name NAME registers it again with a new token.\n", out);
        assertThrows(AuthenticationException.class, () -> app.authenticator().authenticate("Bearer " + token));
        assertEquals(0, admin("kiosks"), err);
        assertFalse(out.contains("xs-east-01"), out);
        assertEquals(1, admin("kiosk", "remove", "xs-east-01", "--yes"));
        assertTrue(err.startsWith("kiosk admin: kiosk xs-east-01 was removed from the fleet on "), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void keyRemoveSaysWhatItWouldDoUntilGivenYesThenTheBackendKnowsTheKeyNoMore() {
        String keyId = app.store().adminKeys().all().getFirst().keyId();

        assertEquals(2, admin("key", "remove", keyId));

        assertTrue(out.startsWith("Would remove admin key " + keyId + " (demo-admin, added "), out);
        assertTrue(out.contains("Kiosks provisioned with this key trust it until they are provisioned"), out);
        assertEquals("kiosk admin: nothing removed; run it again with --yes to remove admin key " + keyId + "\n", err);
        assertEquals(1, app.store().adminKeys().all().size(), "nothing changed");

        assertEquals(0, admin("key", "remove", keyId, "--yes"), err);

        assertTrue(out.startsWith("Admin key " + keyId + " (demo-admin) removed: the backend refuses pushes signed with it from now on.\n"), out);
        assertTrue(out.contains("No admin key is registered now: nobody can push until one is added"), out);
        assertEquals(0, admin("key", "list"), err);
        assertTrue(out.startsWith("No admin key is registered"), out);
        assertEquals(1, admin("key", "remove", keyId, "--yes"));
        assertEquals("kiosk admin: no admin key " + keyId + " is registered; ./kiosk admin key list lists them\n", err);
    }

    @Test
    void rotateTokenPrintsTheNewTokenOnceAndTheOldOneStopsWorking() {
        String old = addKiosk("xs-east-01");
        assertEquals(2, admin("kiosk", "rotate-token", "xs-east-01"));
        assertTrue(out.startsWith("Would give kiosk xs-east-01 (城关镇便民服务中心), never-seen, in no group, a new token:"), out);
        assertEquals("xs-east-01", app.authenticator().authenticate("Bearer " + old).id());

        assertEquals(0, admin("kiosk", "rotate-token", "xs-east-01", "--yes"), err);

        List<String> lines = out.lines().toList();
        assertEquals("Kiosk xs-east-01 has a new token (shown once; only its hash is kept); the old one no longer works:", lines.get(0));
        String fresh = lines.get(1).strip();
        assertEquals("xs-east-01", app.authenticator().authenticate("Bearer " + fresh).id());
        assertThrows(AuthenticationException.class, () -> app.authenticator().authenticate("Bearer " + old));
    }

    @Test
    void aGroupWithKiosksOrALayerIsRefusedInOneLineAndGoesOnceTheyAreMovedAndItIsCleared() {
        assertEquals(0, admin("group", "add", "xiaoshan-east"), err);
        assertEquals(0, admin("group", "add", "xiaoshan-west"), err);
        addKiosk("xs-01", "--group", "xiaoshan-east");
        app.store().configs().push(new DesiredConfigs.Push("group:xiaoshan-east", 1,
                "{}".getBytes(StandardCharsets.UTF_8), "0123456789abcdef", "0".repeat(64), "demo-admin", null, null, 1));

        assertEquals(1, admin("group", "remove", "xiaoshan-east"));
        assertEquals("kiosk admin: the backend refused: group xiaoshan-east still has 1 kiosk (xs-01); move each out first: "
                + "./kiosk admin kiosk move xs-01 --from xiaoshan-east --to OTHER-GROUP (or ./kiosk admin kiosk remove ID for a kiosk "
                + "taken out of service)\n", err);

        assertEquals(0, admin("kiosk", "move", "xs-01", "--to", "xiaoshan-west"), err);
        assertEquals("Kiosk xs-01 moved to xiaoshan-west; it is in xiaoshan-west and gets the matching layers now (at once if it is "
                + "connected)\n", out);
        assertEquals(1, admin("group", "remove", "xiaoshan-east"));
        assertTrue(err.contains("withdraw it first: ./kiosk admin config clear --target group:xiaoshan-east"), err);
        assertEquals(2, admin("config", "clear", "--target", "fleet"));
        assertEquals(1, err.lines().count(), err);

        assertEquals(0, admin("config", "clear", "--target", "group:xiaoshan-east"), err);
        assertTrue(out.startsWith("Withdrew the layer of group:xiaoshan-east (version 1): no kiosk gets it any more"), out);
        assertEquals(0, admin("group", "remove", "xiaoshan-east"), err);
        assertEquals("Group xiaoshan-east removed; ./kiosk admin history --target group:xiaoshan-east still lists its pushes\n", out);
        assertEquals(0, admin("group", "list"), err);
        assertEquals("xiaoshan-west (1 kiosk): xs-01\n", out);
    }

    @Test
    void aKioskTokenIsRefusedByTheHousekeepingCommandsWithTheFix() {
        env.put("KIOSK_ADMIN_TOKEN", "demo-kiosk-token");
        assertEquals(1, admin("kiosk", "remove", "demo-kiosk-01", "--yes"));
        assertEquals("kiosk admin: that is a kiosk token; the admin commands take an admin token (./kiosk backend add-admin-token "
                + "NAME prints one)\n", err);
        assertEquals(1, admin("group", "remove", "xiaoshan-east"));
        assertTrue(err.startsWith("kiosk admin: that is a kiosk token"), err);
    }
}

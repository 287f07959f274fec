package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.DeviceError;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.gpio.SensorEvent.PresenceDetected;
import org.bianmin.device.gpio.SensorEvent.PresenceLost;
import org.bianmin.device.gpio.SensorEvent.TamperAlarm;
import org.bianmin.device.gpio.SensorEvent.TamperCleared;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jSensorsTest {
    private static final SensorSettings SETTINGS =
            new SensorSettings(Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofMillis(10));

    private final MockBench bench = new MockBench();

    @AfterEach
    void closeBench() {
        bench.close();
    }

    private static TamperAck ack(Sensors sensors) throws Exception {
        return sensors.acknowledgeTamper().get(1, TimeUnit.SECONDS);
    }

    @Test
    void someoneArrivingIsReportedOnceWithTheTimeOfArrival() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        bench.clock.advanceMillis(500);
        bench.hand.personArrives();
        assertTrue(sensors.someonePresent());
        assertEquals(List.of(new PresenceDetected("sensors", ManualScheduler.START.plusMillis(500))), bench.events(PresenceDetected.class));
        assertEquals(1, sensors.statistics().get(Pi4jSensors.PRESENCE_DETECTIONS));
    }

    @Test
    void presenceIsLostOnlyAfterTheHoldTimeAndSaysHowLongThePersonStayed() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        bench.hand.personArrives();
        bench.clock.advanceMillis(10_000);
        bench.hand.personLeaves();
        bench.clock.advanceMillis(2_999);
        assertTrue(sensors.someonePresent());
        assertTrue(bench.events(PresenceLost.class).isEmpty());
        bench.clock.advanceMillis(1);
        assertFalse(sensors.someonePresent());
        assertEquals(List.of(new PresenceLost("sensors", ManualScheduler.START.plusMillis(13_000), Duration.ofMillis(13_000))),
                bench.events(PresenceLost.class));
    }

    @Test
    void aGapShorterThanTheHoldTimeKeepsTheSamePersonPresent() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        bench.hand.personArrives();
        bench.hand.personLeaves();
        bench.clock.advanceMillis(2_000);
        bench.hand.personArrives();
        bench.clock.advanceMillis(10_000);
        assertTrue(sensors.someonePresent());
        assertEquals(1, bench.events(PresenceDetected.class).size());
        assertTrue(bench.events(PresenceLost.class).isEmpty());
        bench.hand.personLeaves();
        bench.clock.advanceMillis(3_000);
        assertEquals(1, bench.events(PresenceLost.class).size());
    }

    @Test
    void aDoorBounceOf150msIsIgnored() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        bench.hand.openDoor();
        bench.clock.advanceMillis(150);
        bench.hand.closeDoor();
        bench.clock.advanceMillis(5_000);
        assertFalse(sensors.tamperAlarmRaised());
        assertFalse(sensors.doorOpen());
        assertTrue(bench.events(TamperAlarm.class).isEmpty());
    }

    @Test
    void aDoorOpenFor250msRaisesTheTamperAlarmOnceItHasBeenOpen200ms() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        bench.hand.openDoor();
        bench.clock.advanceMillis(199);
        assertFalse(sensors.tamperAlarmRaised());
        bench.clock.advanceMillis(1);
        assertTrue(sensors.tamperAlarmRaised());
        bench.clock.advanceMillis(50);
        bench.hand.closeDoor();
        List<TamperAlarm> alarms = bench.events(TamperAlarm.class);
        assertEquals(1, alarms.size());
        assertEquals(ManualScheduler.START.plusMillis(200), alarms.get(0).at());
        assertEquals("door open or switch wire cut: BCM 27 HIGH for 200 ms or more", alarms.get(0).detail());
    }

    @Test
    void aCutSwitchWireReadsHighAndRaisesTheAlarmLikeAnOpenDoor() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        bench.hand.cutDoorWire();
        bench.clock.advanceMillis(200);
        assertTrue(sensors.tamperAlarmRaised());
        assertTrue(sensors.doorOpen());
    }

    @Test
    void aRapidlyChatteringSwitchRaisesNothingUntilItSettlesOpen() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        for (int i = 0; i < 20; i++) {
            bench.hand.openDoor();
            bench.clock.advanceMillis(30);
            bench.hand.closeDoor();
            bench.clock.advanceMillis(20);
        }
        assertFalse(sensors.tamperAlarmRaised());
        bench.hand.openDoor();
        bench.clock.advanceMillis(200);
        assertTrue(sensors.tamperAlarmRaised());
    }

    @Test
    void theAlarmStaysLatchedAfterTheDoorClosesUntilItIsAcknowledged() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        bench.hand.openDoor();
        bench.clock.advanceMillis(300);
        bench.hand.closeDoor();
        bench.clock.advanceMillis(60_000);
        assertFalse(sensors.doorOpen());
        assertTrue(sensors.tamperAlarmRaised(), "latched");
        assertEquals(TamperAck.CLEARED, ack(sensors));
        assertFalse(sensors.tamperAlarmRaised());
        assertEquals(List.of(new TamperCleared("sensors", ManualScheduler.START.plusMillis(60_300))), bench.events(TamperCleared.class));
    }

    @Test
    void acknowledgingWhileTheDoorIsStillOpenIsRefusedAndTheAlarmStays() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        bench.hand.openDoor();
        bench.clock.advanceMillis(300);
        assertEquals(TamperAck.DOOR_STILL_OPEN, ack(sensors));
        bench.hand.closeDoor();
        bench.clock.advanceMillis(100);
        assertEquals(TamperAck.DOOR_STILL_OPEN, ack(sensors), "closed only 100 ms: not yet stable");
        assertTrue(sensors.tamperAlarmRaised());
        assertTrue(bench.events(TamperCleared.class).isEmpty());
    }

    @Test
    void acknowledgingWithNoAlarmSaysThereWasNothingToClear() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        assertEquals(TamperAck.NOTHING_RAISED, ack(sensors));
        assertEquals(0, sensors.statistics().get(Pi4jSensors.TAMPER_ACKS));
    }

    @Test
    void eachRaiseAndEachAcknowledgeIsCountedButReopeningALatchedDoorIsNotANewRaise() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        bench.hand.openDoor();
        bench.clock.advanceMillis(300);
        bench.hand.closeDoor();
        bench.clock.advanceMillis(300);
        bench.hand.openDoor();
        bench.clock.advanceMillis(300);
        bench.hand.closeDoor();
        bench.clock.advanceMillis(300);
        assertEquals(1, sensors.statistics().get(Pi4jSensors.TAMPER_ALARMS));
        ack(sensors);
        bench.hand.openDoor();
        bench.clock.advanceMillis(300);
        assertEquals(2, sensors.statistics().get(Pi4jSensors.TAMPER_ALARMS));
        assertEquals(1, sensors.statistics().get(Pi4jSensors.TAMPER_ACKS));
        assertEquals(2, bench.events(TamperAlarm.class).size());
    }

    @Test
    void whileOnlyOpenNoEventIsDeliveredButTheAlarmStillLatches() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        sensors.disable();
        bench.hand.personArrives();
        bench.hand.openDoor();
        bench.clock.advanceMillis(300);
        assertTrue(bench.events.isEmpty());
        assertTrue(sensors.tamperAlarmRaised());
        assertTrue(sensors.someonePresent());
    }

    @Test
    void healthReadsBothInputsAndFailsWhileTheAlarmIsLatched() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        HealthReport ok = sensors.checkHealth(HealthLevel.INTERNAL);
        assertTrue(ok.healthy());
        assertEquals("presence-sensor LOW (nobody), door-switch LOW (closed), no tamper alarm", ok.detail());
        bench.hand.openDoor();
        bench.clock.advanceMillis(200);
        HealthReport alarm = sensors.checkHealth(HealthLevel.INTERNAL);
        assertFalse(alarm.healthy());
        assertEquals(DeviceError.GPIO_FAULT, alarm.error());
        assertTrue(alarm.detail().contains("close the door, then acknowledge it"), alarm.detail());
    }

    @Test
    void edgesAfterCloseAreIgnored() throws Exception {
        Pi4jSensors sensors = bench.sensors(SETTINGS);
        bench.hand.openDoor();
        sensors.close();
        bench.clock.advanceMillis(1_000);
        assertFalse(sensors.tamperAlarmRaised());
        assertEquals(0, bench.clock.pending());
    }

    @Test
    void negativeSensorTimesAreRefusedSayingWhatToUse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SensorSettings(Duration.ofMillis(-1), Duration.ofSeconds(3), Duration.ofMillis(10)));
        assertEquals("door stable time -1 ms is negative; use 0 or more, e.g. 200 ms", e.getMessage());
    }
}

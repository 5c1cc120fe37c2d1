package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.roundtable.conference.domain.model.ServiceZone;

/**
 * One clock for the application, in the time zone the agencies work in. Tests of things that
 * happen on a date (an override lapsing on its review date) move it forward; only a server
 * started with roundtable.clock.movable=true lets them.
 */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId LOCAL_ZONE = ServiceZone.LOCAL;

    private static volatile Duration offset = Duration.ZERO;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new MovableClock(Clock.system(LOCAL_ZONE));
    }

    /** Moves the application's clock by this much from the real time (tests only). */
    public static void moveTo(Duration fromNow) {
        if (!Boolean.getBoolean("roundtable.clock.movable")) {
            throw new IllegalStateException("This server's clock cannot be moved (roundtable.clock.movable is not set).");
        }
        offset = fromNow;
    }

    /** The system clock plus the offset a test set (none in production). */
    static final class MovableClock extends Clock {

        private final Clock system;

        MovableClock(Clock system) {
            this.system = system;
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MovableClock(system.withZone(zone));
        }

        @Override
        public Instant instant() {
            return system.instant().plus(offset);
        }

        @Override
        public long millis() {
            return instant().toEpochMilli();
        }
    }
}

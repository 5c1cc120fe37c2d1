package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** One clock for the application, in the time zone the agencies work in. */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId LOCAL_ZONE = ZoneId.of(System.getProperty("roundtable.zone", "Europe/London"));

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(LOCAL_ZONE);
    }
}

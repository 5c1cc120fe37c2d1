package org.roundtable.conference.application.timer;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import org.roundtable.conference.application.SignInGuards;

/** Every hour, forgets failure counts that can no longer lock anyone out. */
@Singleton
public class SignInHousekeeping {

    @Inject
    private SignInGuards guards;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void forgetStaleGuards() {
        guards.forgetStale(clock.instant());
    }
}

package org.roundtable.conference.domain.model;

import java.time.ZoneId;

/**
 * The time zone the agencies work in: a meeting "on Tuesday", a review date and the daily
 * reminder run are counted in it. A domain fact rather than a setting of the clock, so that
 * renderers and timers in infrastructure can use it without reaching up into the application.
 */
public final class ServiceZone {

    public static final ZoneId LOCAL = ZoneId.of(System.getProperty("roundtable.zone", "Europe/London"));

    private ServiceZone() {
    }
}

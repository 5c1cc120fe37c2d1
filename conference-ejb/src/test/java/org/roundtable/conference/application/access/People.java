package org.roundtable.conference.application.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.shared.domain.StaffRole;

/** A family, the agencies around it and the people the access tests ask about, on a day the tests can move. */
final class People {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    final UUID family = UUID.randomUUID();
    final UUID otherFamily = UUID.randomUUID();
    final UUID school = UUID.randomUUID();
    final UUID socialCare = UUID.randomUUID();
    final UUID housing = UUID.randomUUID();

    final Caller teacher = Caller.staff(UUID.randomUUID(), "Ann Teacher", school, Set.of());
    final Caller socialWorker = Caller.staff(UUID.randomUUID(), "Sam Worker", socialCare, Set.of());
    final Caller chair = Caller.staff(UUID.randomUUID(), "Chris Chair", socialCare, Set.of(StaffRole.CHAIR));
    final Caller housingOfficer = Caller.staff(UUID.randomUUID(), "Hal Housing", housing, Set.of());
    final Caller administrator = Caller.staff(UUID.randomUUID(), "Ada Admin", socialCare, Set.of(StaffRole.ADMINISTRATOR));
    final Caller mother = Caller.familyMember(UUID.randomUUID(), "Mia Mother", family);
    final Caller advocate = Caller.advocate(UUID.randomUUID(), "Avi Advocate");

    final InMemoryAccessRecords records = new InMemoryAccessRecords();
    final MovableClock clock = new MovableClock(TODAY);
    final SharingRules sharing = new SharingRules(records, clock);
    final AccessPolicy policy = new AccessPolicy(records, sharing, clock);

    /** School and children's social care work with the family; housing worked with it until last month. */
    People() {
        records.involve(school, family, TODAY.minusMonths(6), null);
        records.involve(socialCare, family, TODAY.minusMonths(6), null);
        records.involve(housing, family, TODAY.minusYears(1), TODAY.minusMonths(1));
        records.involve(school, otherFamily, TODAY.minusMonths(6), null);
        records.member(mother.id(), family);
        records.assignAdvocate(advocate.id(), family, TODAY.minusMonths(2), null);
        records.leadWorker(family, socialWorker.id());
        records.chairs(chair.id(), family);
    }

    /** A clock the tests move from day to day. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(LocalDate day) {
            now = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        }

        void moveTo(LocalDate day) {
            now = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package org.roundtable.conference.application.access;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.roundtable.conference.domain.model.record.SharingRequest;
import org.roundtable.shared.record.InformationKind;
import org.roundtable.shared.record.SharingPreference;

/**
 * Whether an agency may see one kind of a family's information today: the family's preference
 * (no preference means share), unless an override of that agency is in force (before its review
 * date) or the family said yes to that agency's request (for the days asked). Answers are cached
 * per day, and forgotten whenever a preference, an override or a request changes (on every node
 * of a cluster: each hears the others' AccessChanged, see AccessChangesAcrossNodes).
 */
@ApplicationScoped
public class SharingRules {

    /** The answer for one agency and kind: shared or not, what the family asked for, and whether a request waits for its answer. */
    public record Answer(boolean shared, SharingPreference preference, boolean waiting) {
    }

    private final ConcurrentMap<String, Answer> cache = new ConcurrentHashMap<>();

    private volatile LocalDate cachedDay;

    private AccessRecords records;

    private Clock clock;

    /** For the container's proxy. */
    protected SharingRules() {
    }

    @Inject
    public SharingRules(AccessRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public Answer answer(UUID familyId, UUID agencyId, InformationKind kind) {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(cachedDay)) {
            // A new day: overrides and yeses may have ended overnight.
            cache.clear();
            cachedDay = today;
        }
        return cache.computeIfAbsent(familyId + ":" + agencyId + ":" + kind + ":" + today, k -> {
            SharingPreference preference = preference(familyId, agencyId, kind);
            if (preference == SharingPreference.SHARE) {
                return new Answer(true, preference, false);
            }
            boolean override = records.overrideInForce(familyId, agencyId, kind, today);
            var requests = records.sharingRequests(familyId, agencyId, kind);
            boolean yes = requests.stream().anyMatch(r -> r.sharesOn(today));
            boolean waiting = requests.stream().anyMatch(r -> r.statusOn(today) == SharingRequest.Status.WAITING);
            return new Answer(override || yes, preference, waiting);
        });
    }

    public SharingPreference preference(UUID familyId, UUID agencyId, InformationKind kind) {
        return records.sharingPreference(familyId, agencyId, kind);
    }

    /** Called after any change of preference or override. */
    public void forget() {
        cache.clear();
    }

    /**
     * Again once the change is committed, so no answer read in between survives. First among
     * the observers, so the live rooms' re-check that follows reads the new answer.
     */
    void onAccessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(1) AccessChanged change) {
        forget();
    }
}

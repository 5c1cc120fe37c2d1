package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.conference.application.access.AccessPolicy;
import org.roundtable.conference.application.view.ContactMapView;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.family.Contact;
import org.roundtable.conference.infrastructure.chart.ContactChart;
import org.roundtable.shared.domain.ContactKind;
import org.roundtable.shared.record.ContactPattern;
import org.roundtable.shared.record.InformationKind;

/** The contact map: which agencies saw the family, how often and how, over the last months; its chart in the reader's language. */
@ApplicationScoped
@Transactional
public class ContactMapService {

    /** Assessments by different agencies within this many days of each other are flagged as repeated. */
    static final int REPEAT_WINDOW_DAYS = 90;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AccessPolicy policy;

    @Inject
    private Clock clock;

    @Inject
    private PersonLanguages languages;

    private static Map<ContactKind, Integer> kinds(List<ContactPattern.Contact> contacts, String agency) {
        var kinds = new EnumMap<ContactKind, Integer>(ContactKind.class);
        contacts.stream().filter(c -> c.agency().equals(agency)).forEach(c -> kinds.merge(c.kind(), 1, Integer::sum));
        return kinds;
    }

    public ContactMapView map(Caller caller, UUID familyId, int months) {
        policy.requireVisibleAndShared(caller, familyId, InformationKind.CONTACTS);
        if (months < 1 || months > 36) {
            throw new InvalidInput("months", "Show between 1 and 36 months.");
        }
        YearMonth last = YearMonth.now(clock);
        var contacts = em.createQuery("select c from Contact c join fetch c.agency where c.family.id = :f and c.happenedOn >= :from",
                Contact.class).setParameter("f", familyId).setParameter("from", last.minusMonths(months - 1L).atDay(1))
                .getResultStream().map(c -> new ContactPattern.Contact(c.agency().name(), c.kind(), c.happenedOn())).toList();
        var timeline = ContactPattern.timeline(contacts, last, months);
        var totals = ContactPattern.totals(timeline);
        var rows = totals.entrySet().stream().map(e -> new ContactMapView.AgencyRow(e.getKey(),
                Arrays.stream(timeline.perAgency().get(e.getKey())).boxed().toList(), e.getValue(), kinds(contacts, e.getKey())))
                .toList();
        var repeated = ContactPattern.repeatedAssessments(contacts, REPEAT_WINDOW_DAYS).stream()
                .map(r -> new ContactMapView.Repeated(r.from(), r.to(), r.agencies(), r.assessments())).toList();
        return new ContactMapView(timeline.months(), rows, repeated, ContactChart.svg(timeline, languages.of(caller.kind(), caller.id())));
    }
}

package org.roundtable.conference.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.conference.application.access.FamilyRecordAccess;
import org.roundtable.conference.domain.model.access.Caller;
import org.roundtable.conference.domain.model.family.Advocate;
import org.roundtable.conference.domain.model.family.FamilyMember;
import org.roundtable.conference.domain.model.family.Language;
import org.roundtable.shared.domain.CallerKind;

/**
 * The language each family member and advocate is spoken to in (English or Welsh): chosen by the
 * person on the page, and used for their pages and their emails. Staff pages are in English, so
 * staff keep no language here.
 */
@ApplicationScoped
@Transactional
public class PersonLanguages {

    static final String UNKNOWN = "Choose English (en) or Welsh (cy)";

    @PersistenceContext
    private EntityManager em;

    /** The person's language; English for staff and for anyone not found. */
    public Language of(CallerKind kind, UUID personId) {
        return switch (kind) {
            case FAMILY_MEMBER -> Optional.ofNullable(em.find(FamilyMember.class, personId)).map(FamilyMember::language).orElse(Language.ENGLISH);
            case ADVOCATE -> Optional.ofNullable(em.find(Advocate.class, personId)).map(Advocate::language).orElse(Language.ENGLISH);
            case STAFF -> Language.ENGLISH;
        };
    }

    /** The signed-in family member or advocate chooses their own language; nobody chooses for another. */
    public Language choose(Caller caller, String code) {
        FamilyRecordAccess.requireMayChooseLanguage(caller);
        Language language = Language.ofCode(code).orElseThrow(() -> new InvalidInput("language", UNKNOWN));
        switch (caller.kind()) {
            case FAMILY_MEMBER -> em.find(FamilyMember.class, caller.id()).speak(language);
            case ADVOCATE -> em.find(Advocate.class, caller.id()).speak(language);
            case STAFF -> throw new IllegalStateException("staff were refused above");
        }
        return language;
    }
}

package org.roundtable.conference.domain.model.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One person in a family. Family members sign in with an emailed one-time code, never a password. */
@Entity
public class FamilyMember {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    private String email;
    private String phone;
    private String address;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "access_needs")
    private String accessNeeds;

    @Column(name = "lives_in_household", nullable = false)
    private boolean livesInHousehold = true;

    /** Who they are to the family, in the words of whoever added them ("Mother", "Grandad"). */
    private String relationship;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_contact")
    private PreferredContact preferredContact;

    /** The language Roundtable speaks to them in, on its pages and in its emails: en or cy. */
    @Column(nullable = false)
    private String language = Language.ENGLISH.code();

    /** The day they left the household: from then they no longer sign in; what they said stays. */
    @Column(name = "left_on")
    private LocalDate leftOn;

    @Version
    private long version;

    protected FamilyMember() {
    }

    public FamilyMember(Family family, MemberDetails details) {
        this.id = UUID.randomUUID();
        this.family = Objects.requireNonNull(family);
        update(details);
    }

    public void update(MemberDetails details) {
        this.fullName = Objects.requireNonNull(details.fullName());
        this.dateOfBirth = details.dateOfBirth();
        this.email = details.email();
        this.phone = details.phone();
        this.address = details.address();
        this.preferredLanguage = details.preferredLanguage();
        this.accessNeeds = details.accessNeeds();
        this.livesInHousehold = details.livesInHousehold();
    }

    /** Who they are to the family and how they like to be reached; either may be unknown (null). */
    public void describe(String relationship, PreferredContact preferredContact) {
        this.relationship = relationship;
        this.preferredContact = preferredContact;
    }

    public String relationship() {
        return relationship;
    }

    public PreferredContact preferredContact() {
        return preferredContact;
    }

    public MemberDetails details() {
        return new MemberDetails(fullName, dateOfBirth, email, phone, address, preferredLanguage, accessNeeds, livesInHousehold);
    }

    public UUID id() {
        return id;
    }

    public Family family() {
        return family;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public Language language() {
        return Language.stored(language);
    }

    /** The person chose the language Roundtable speaks to them in. */
    public void speak(Language language) {
        this.language = language.code();
    }

    public LocalDate leftOn() {
        return leftOn;
    }

    /** Still in the household: someone who has left does not sign in or act for the family. */
    public boolean isCurrent() {
        return leftOn == null;
    }

    /** They have left the household, from this day. */
    public void leave(LocalDate on) {
        if (leftOn != null) {
            throw new IllegalStateException("already left");
        }
        this.leftOn = Objects.requireNonNull(on);
    }
}

package org.roundtable.conference.domain.model.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/** An independent person who sits beside the family and helps its voice be heard. */
@Entity
public class Advocate {

    @Id
    private UUID id;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String email;

    private String organisation;

    /** The language Roundtable speaks to them in, on its pages and in its emails: en or cy. */
    @Column(nullable = false)
    private String language = Language.ENGLISH.code();

    @Version
    private long version;

    protected Advocate() {
    }

    public Advocate(String fullName, String email, String organisation) {
        this.id = UUID.randomUUID();
        this.fullName = Objects.requireNonNull(fullName);
        this.email = Objects.requireNonNull(email);
        this.organisation = organisation;
    }

    public UUID id() {
        return id;
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

    /** The advocate chose the language Roundtable speaks to them in. */
    public void speak(Language language) {
        this.language = language.code();
    }

    public String organisation() {
        return organisation;
    }
}

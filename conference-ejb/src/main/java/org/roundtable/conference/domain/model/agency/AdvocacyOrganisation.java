package org.roundtable.conference.domain.model.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/** An independent organisation that advocates come from (not an agency: it holds no case). */
@Entity
public class AdvocacyOrganisation {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "contact_email")
    private String contactEmail;

    @Version
    private long version;

    protected AdvocacyOrganisation() {
    }

    public AdvocacyOrganisation(String name, String contactPhone, String contactEmail) {
        this.id = UUID.randomUUID();
        change(name, contactPhone, contactEmail);
    }

    public void change(String name, String contactPhone, String contactEmail) {
        this.name = Objects.requireNonNull(name);
        this.contactPhone = contactPhone;
        this.contactEmail = contactEmail;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public String contactEmail() {
        return contactEmail;
    }
}

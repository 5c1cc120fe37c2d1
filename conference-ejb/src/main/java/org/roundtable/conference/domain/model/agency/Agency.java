package org.roundtable.conference.domain.model.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.shared.domain.AgencyKind;

/** An organisation that works with families: a council's children's services, a GP practice, a school. */
@Entity
public class Agency {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgencyKind kind;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "contact_email")
    private String contactEmail;

    @Version
    private long version;

    protected Agency() {
    }

    public Agency(String name, AgencyKind kind) {
        this.id = UUID.randomUUID();
        rename(name, kind);
    }

    public void rename(String name, AgencyKind kind) {
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
    }

    /** Whom families and other agencies call: optional, as not every agency has one shared line. */
    public void changeContact(String phone, String email) {
        this.contactPhone = phone;
        this.contactEmail = email;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public AgencyKind kind() {
        return kind;
    }
}

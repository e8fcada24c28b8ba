package io.firecheck.users;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person who signs in to the web console with the embedded form sign-in. quarkus-security-jpa checks the
 * bcrypt hash and reads the roles; {@link JurisdictionAugmentor} adds the jurisdiction.
 */
@Entity
@Table(name = "console_user")
@UserDefinition
public class ConsoleUser {
    @Id
    @Username
    public String name;

    /** bcrypt in Modular Crypt Format, as bin/firecheck user add writes it */
    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    /** comma-separated role names */
    @Roles
    public String roles;

    public String jurisdiction;

    @Column(name = "created_at")
    public Instant createdAt;
}

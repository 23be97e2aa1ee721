package org.apom.networks.internal.jpa;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.apom.core.api.ProvinceCode;
import org.apom.networks.api.CurrentTier;
import org.apom.networks.api.Network;
import org.apom.networks.api.NetworkLevel;

/**
 * A network. Its committee version counts appointments and is moved by a compare-and-set in SQL
 * ({@code JpaNetworkCommittees}), apart from the version, which guards the name and founding date.
 */
@Entity
@Table(name = "NET_NETWORK")
public class NetworkEntity {

    /** The area key of a national network, which has no area code. */
    public static final String NATIONAL_AREA = "TH";

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "NAME", nullable = false)
    private String name;
    @Column(name = "NAME_KEY", nullable = false)
    private String nameKey;
    @Column(name = "LEVEL_CODE", nullable = false)
    private String level;
    @Column(name = "AREA_CODE")
    private String areaCode;
    @Column(name = "AREA_KEY", nullable = false)
    private String areaKey;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "FOUNDED_ON", nullable = false)
    private Date foundedOn;
    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "COMMITTEE_VERSION", nullable = false)
    private long committeeVersion;
    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected NetworkEntity() {
    }

    public NetworkEntity(String id, String name, NetworkLevel level, String areaCode, ProvinceCode province,
            LocalDate foundedOn, String createdBy, Instant createdAt) {
        this.id = id;
        name(name);
        this.level = level.name();
        this.areaCode = areaCode;
        this.areaKey = areaCode == null ? NATIONAL_AREA : areaCode;
        this.province = province == null ? null : province.value();
        this.foundedOn = Date.valueOf(foundedOn);
        this.createdBy = createdBy;
        this.createdAt = Timestamp.from(createdAt);
    }

    /** The name as compared for uniqueness in an area: spaces collapsed, case folded. */
    public static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    public String id() {
        return id;
    }

    public ProvinceCode province() {
        return province == null ? null : ProvinceCode.of(province);
    }

    public NetworkLevel level() {
        return NetworkLevel.valueOf(level);
    }

    public String areaCode() {
        return areaCode;
    }

    public String name() {
        return name;
    }

    public void name(String name) {
        this.name = name;
        this.nameKey = nameKey(name);
    }

    public LocalDate foundedOn() {
        return foundedOn.toLocalDate();
    }

    public void foundedOn(LocalDate day) {
        this.foundedOn = Date.valueOf(day);
    }

    public long committeeVersion() {
        return committeeVersion;
    }

    public long version() {
        return version;
    }

    /** @param tier its latest grading, {@code null} before the first or for a caller who may not read it */
    public Network toNetwork(int memberCount, CurrentTier tier) {
        return new Network(id, name, level(), areaCode, province(), foundedOn(), memberCount, createdBy,
                createdAt.toInstant(), version, tier);
    }
}

package org.apom.tiering.api;

import java.time.LocalDate;
import java.util.Objects;

/** The network a criterion scores: which one, at what level, where, and since when. */
public final class TieredNetwork {

    private final String id;
    private final String name;
    private final String level;
    private final String areaCode;
    private final String province;
    private final LocalDate foundedOn;

    private TieredNetwork(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.name = Objects.requireNonNull(b.name, "name");
        this.level = Objects.requireNonNull(b.level, "level");
        this.areaCode = b.areaCode;
        this.province = b.province;
        this.foundedOn = Objects.requireNonNull(b.foundedOn, "foundedOn");
    }

    public static Builder builder() {
        return new Builder();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** {@code SUBDISTRICT}, {@code DISTRICT}, {@code PROVINCE} or {@code NATIONAL}; expect more later. */
    public String level() {
        return level;
    }

    /** The area's code; {@code null} for a national network. */
    public String areaCode() {
        return areaCode;
    }

    /** The province's code ({@code "50"}); {@code null} for a national network. */
    public String province() {
        return province;
    }

    public LocalDate foundedOn() {
        return foundedOn;
    }

    /** Builds a network; for the platform, and for a criterion's tests. */
    public static final class Builder {
        private String id = "network";
        private String name = "network";
        private String level = "SUBDISTRICT";
        private String areaCode = "500101";
        private String province = "50";
        private LocalDate foundedOn = LocalDate.of(2020, 1, 1);

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder level(String level) {
            this.level = level;
            return this;
        }

        public Builder areaCode(String areaCode) {
            this.areaCode = areaCode;
            return this;
        }

        public Builder province(String province) {
            this.province = province;
            return this;
        }

        public Builder foundedOn(LocalDate foundedOn) {
            this.foundedOn = foundedOn;
            return this;
        }

        public TieredNetwork build() {
            return new TieredNetwork(this);
        }
    }
}

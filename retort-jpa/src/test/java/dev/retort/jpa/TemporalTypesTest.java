package dev.retort.jpa;

import dev.retort.MetaData;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyTemporal;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.Version;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every date and time type Hibernate ORM maps, with the precision its DDL gives each on PostgreSQL. */
class TemporalTypesTest {

    @Entity(name = "Moment")
    static class Moment {
        @Id
        Long id;
        Instant instant;
        OffsetDateTime offsetDateTime;
        ZonedDateTime zonedDateTime;
        LocalDateTime localDateTime;
        LocalDate localDate;
        LocalTime timeOfDay;
        OffsetTime offsetTime;
        Duration duration;
        Year year;
        Date utilDate;
        @Temporal(TemporalType.DATE)
        Date utilDateAsDate;
        @Temporal(TemporalType.TIME)
        Date utilDateAsTime;
        @Temporal(TemporalType.TIMESTAMP)
        Date utilDateAsTimestamp;
        Calendar calendar;
        @Temporal(TemporalType.DATE)
        Calendar calendarAsDate;
        java.sql.Timestamp sqlTimestamp;
        java.sql.Date sqlDate;
        java.sql.Time sqlTime;
        @Column(secondPrecision = 0)
        Instant instantSeconds;
        @Column(secondPrecision = 3)
        LocalDateTime localDateTimeMillis;
        @Column(secondPrecision = 6)
        LocalTime timeOfDayMicros;
        @Column(secondPrecision = 3)
        OffsetTime offsetTimeMillis;
        @Column(secondPrecision = 2)
        ZonedDateTime zonedCentis;
        @Version
        Instant version;
        @ElementCollection
        @CollectionTable(name = "moment_stamps")
        Set<LocalDateTime> stamps;
        @ElementCollection
        @CollectionTable(name = "moment_openings")
        @MapKeyColumn(name = "opened")
        @MapKeyTemporal(TemporalType.TIMESTAMP)
        Map<Date, LocalTime> openings;
    }

    @Test
    void timestampsHaveSixDigitsAndTimesOfDayNoneUnlessGiven() {
        MetaData md = JpaModel.of(Moment.class);
        Map<String, String> types = new java.util.LinkedHashMap<>();
        md.get("moment").columns().forEach(c -> types.put(c.name(), c.type().toString()));
        String tz = "native:timestamp(6) with time zone";
        String local = "native:timestamp(6) without time zone";
        String time = "native:time(0) without time zone";
        assertThat(types).containsExactly(Map.entry("id", "bigint"), Map.entry("instant", tz), Map.entry("offsetdatetime", tz),
                Map.entry("zoneddatetime", tz), Map.entry("localdatetime", local), Map.entry("localdate", "date"),
                Map.entry("timeofday", time), Map.entry("offsettime", time), Map.entry("duration", "numeric(21,0)"),
                Map.entry("year", "integer"), Map.entry("utildate", local), Map.entry("utildateasdate", "date"),
                Map.entry("utildateastime", time), Map.entry("utildateastimestamp", local), Map.entry("calendar", local),
                Map.entry("calendarasdate", "date"), Map.entry("sqltimestamp", local), Map.entry("sqldate", "date"),
                Map.entry("sqltime", time), Map.entry("instantseconds", "native:timestamp(0) with time zone"),
                Map.entry("localdatetimemillis", "native:timestamp(3) without time zone"),
                Map.entry("timeofdaymicros", "native:time(6) without time zone"),
                Map.entry("offsettimemillis", "native:time(3) without time zone"),
                Map.entry("zonedcentis", "native:timestamp(2) with time zone"), Map.entry("version", tz));
        assertThat(md.get("moment_stamps").column("stamps").orElseThrow().type()).hasToString(local);
        assertThat(md.get("moment_openings").column("opened").orElseThrow().type()).hasToString(local);
    }
}

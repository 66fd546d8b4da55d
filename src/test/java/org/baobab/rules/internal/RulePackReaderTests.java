// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.baobab.rules.Confidence;
import org.baobab.rules.Digits;
import org.baobab.rules.InvalidRulePackException;
import org.baobab.rules.Nature;
import org.baobab.rules.OpeningCommittee;
import org.baobab.rules.ProcurementMethod;
import org.baobab.rules.RulePack;
import org.baobab.rules.ThresholdPurpose;
import org.baobab.rules.TimeLimit;
import org.junit.jupiter.api.Test;

class RulePackReaderTests {

    private static final String CALENDAR = """
            weekend: [saturday, sunday]
            firstYear: 2025
            lastYear: 2025
            holidays:
              - name: { fr: "Fête de l'Indépendance" }
                everyYear: "04-04"
                legalBasis: { text: "Loi" }
                validFrom: 2025-01-01
                confidence: unverified
            """;

    private static final String HEAD = """
            country: SN
            name: { fr: Sénégal }
            currency: XOF
            timeZone: Africa/Dakar
            mainText:
              code: CMP
              name: { fr: Code }
              legalBasis: { text: "Décret n°2022-2295" }
              validFrom: 2022-12-28
              confidence: primary
            procedures:
              - code: AOO
                name: { fr: "Appel d'offres ouvert" }
                ocds: open
                legalBasis: { text: "Décret n°2022-2295" }
                validFrom: 2022-12-28
                confidence: secondary
            """;

    @Test
    void everyShippedPackLoadsAndValidates() {
        List<RulePack> packs = RulePackLoader.load(RulePackLoader.DEFAULT_ROOT);

        assertThat(packs).extracting(p -> p.country().value()).containsExactly("CI", "CM", "SN");
        for (RulePack pack : packs) {
            assertThat(pack.procedures()).isNotEmpty();
            assertThat(pack.calendar().holidays()).isNotEmpty();
            assertThat(pack.values())
                    .allSatisfy(v -> assertThat(v.legalBasis().text()).isNotBlank());
        }
    }

    @Test
    void shippedValuesKeepTheirSourceConfidence() {
        RulePack ci = pack("CI");
        TimeLimit national = ci.timeLimit("MIN_BID_PERIOD_NATIONAL").orElseThrow();
        assertThat(national.amount()).isEqualTo(30);
        assertThat(national.confidence()).isEqualTo(Confidence.PRIMARY);
        assertThat(national.legalBasis().article()).isEqualTo("art. 64.1");
        assertThat(ci.timeLimit("MIN_BID_PERIOD_INTERNATIONAL").orElseThrow().amount())
                .isEqualTo(45);
        assertThat(pack("SN").procedure("DRP_RESTREINTE").orElseThrow().method())
                .isEqualTo(ProcurementMethod.LIMITED);
        assertThat(pack("SN").calendar().holidays()).allMatch(h -> h.confidence() == Confidence.UNVERIFIED);
    }

    @Test
    void findsTheThresholdBandOfAnAmount() {
        RulePack cm = pack("CM");

        var small = cm.threshold(ThresholdPurpose.PROCEDURE, "ALL", Nature.GOODS, null, new BigDecimal("20000000"));
        assertThat(small).hasValueSatisfying(t -> {
            assertThat(t.procedure()).isEqualTo("DC");
            assertThat(t.enforceable()).isFalse();
        });
        assertThat(cm.threshold(ThresholdPurpose.PROCEDURE, "ALL", Nature.WORKS, null, new BigDecimal("50000000")))
                .hasValueSatisfying(t -> assertThat(t.procedure()).isEqualTo("AOO"));
        assertThat(cm.threshold(ThresholdPurpose.PROCEDURE, "ALL", Nature.WORKS, null, new BigDecimal("4999999")))
                .isEmpty();
        assertThat(cm.threshold(
                        ThresholdPurpose.PRIOR_REVIEW, "ALL", Nature.WORKS, "ROAD_WORKS", new BigDecimal("6e9")))
                .hasValueSatisfying(t -> assertThat(t.legalBasis().article()).isEqualTo("art. 27"));
        assertThat(cm.threshold(
                        ThresholdPurpose.PRIOR_REVIEW, "ALL", Nature.WORKS, "ROAD_WORKS", new BigDecimal("4e9")))
                .isEmpty();
    }

    @Test
    void computesSenegalsRegulatoryFee() {
        RulePack sn = pack("SN");
        var fee = sn.fee("REDEVANCE_REGULATION").orElseThrow();

        assertThat(sn.fee(fee, new BigDecimal("500000000"))).isEqualByComparingTo("1500000");
        assertThat(sn.fee(fee, new BigDecimal("2000000000"))).isEqualByComparingTo("4000000");
        assertThat(sn.fee(fee, new BigDecimal("1000000000000"))).isEqualByComparingTo("300000000");
    }

    @Test
    void countsClearWorkingDaysOverSenegalsHolidays() {
        RulePack sn = pack("SN");
        TimeLimit complaint = sn.timeLimit("RECOURS_GRACIEUX").orElseThrow();

        // published Wednesday 2 April 2025; Friday 4 April is Independence Day, then a weekend:
        // working days counted: Thu 3, Mon 7, Tue 8, Wed 9, Thu 10 -> clear: Friday 11 April
        var deadline = sn.lastDay(complaint, LocalDate.of(2025, 4, 2));
        assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2025, 4, 11));
        assertThat(deadline.holidaysKnown()).isTrue();
        assertThat(sn.lastDay(complaint, LocalDate.of(2031, 1, 6)).holidaysKnown())
                .isFalse();
    }

    @Test
    void aBrokenPackStopsWithFileAndField() {
        assertThatThrownBy(() -> RulePackLoader.load("broken-rulepacks/bad-method"))
                .isInstanceOf(InvalidRulePackException.class)
                .hasMessage("Invalid rule pack broken-rulepacks/bad-method/SN/pack.yaml:21:11 at procedures[1].ocds:"
                        + " 'opne' is not one of open, selective, limited, direct");
    }

    @Test
    void reportsEveryInvalidFieldAtOnceWithItsLine() {
        String pack = HEAD + """
                timeLimits:
                  - code: RECOURS
                    name: { fr: "Recours" }
                    days: -5
                    unit: clear-working
                    kind: maximum
                    startsFrom: { fr: "Publication" }
                    validFrom: 2022-12-28
                    confidence: secondary
                """;
        assertThatThrownBy(() -> RulePackReader.read(
                        "SN", source("rulepacks/SN/pack.yaml", pack), source("rulepacks/SN/calendar.yaml", CALENDAR)))
                .isInstanceOfSatisfying(InvalidRulePackException.class, e -> {
                    assertThat(e.problems())
                            .extracting(InvalidRulePackException.Problem::path)
                            .containsExactly("timeLimits[0].legalBasis", "timeLimits[0].days");
                    assertThat(e.problems())
                            .extracting(InvalidRulePackException.Problem::line)
                            .containsExactly(19, 21);
                    assertThat(e.problems().get(0).problem()).isEqualTo("is required");
                    assertThat(e.problems().get(1).problem()).isEqualTo("must not be negative (found -5)");
                    assertThat(e.getMessage())
                            .isEqualTo("Invalid rule pack rulepacks/SN/pack.yaml:19:5 at timeLimits[0].legalBasis:"
                                    + " is required\n  and rulepacks/SN/pack.yaml:21:11 at timeLimits[0].days:"
                                    + " must not be negative (found -5)");
                });
    }

    @Test
    void theCountryWritesLatinDigitsUnlessItsPackSaysArabicIndic() {
        assertThat(RulePackLoader.load(RulePackLoader.DEFAULT_ROOT))
                .allSatisfy(p -> assertThat(p.digits()).isEqualTo(Digits.LATIN));
        String arabic = HEAD.replace("timeZone: Africa/Dakar\n", "timeZone: Africa/Dakar\ndigits: arabic-indic\n");
        RulePack pack = RulePackReader.read(
                "SN", source("rulepacks/SN/pack.yaml", arabic), source("rulepacks/SN/calendar.yaml", CALENDAR));
        assertThat(pack.digits()).isEqualTo(Digits.ARABIC_INDIC);
        assertThat(RulePackReader.read(
                                "SN",
                                source("rulepacks/SN/pack.yaml", HEAD),
                                source("rulepacks/SN/calendar.yaml", CALENDAR))
                        .digits())
                .isEqualTo(Digits.LATIN);
        assertProblem(
                HEAD.replace("timeZone: Africa/Dakar\n", "timeZone: Africa/Dakar\ndigits: hindi\n"),
                "digits",
                "'hindi' is not one of latin, arabic-indic");
    }

    @Test
    void rejectsAThresholdNamingAnUnknownProcedure() {
        assertProblem(HEAD + """
                        thresholds:
                          - purpose: procedure
                            buyerCategory: ALL
                            from: 0
                            procedure: DRP
                            meaning: { fr: "DRP" }
                            legalBasis: { text: "Arrêté" }
                            validFrom: 2023-03-23
                            confidence: unverified
                        """, "thresholds[0].procedure", "'DRP' is not a code listed under procedures");
    }

    @Test
    void rejectsOverlappingThresholds() {
        String band = """
                  - purpose: prior-review
                    buyerCategory: ALL
                    nature: works
                    from: %s
                    below: %s
                    meaning: { fr: "Contrôle" }
                    legalBasis: { text: "Arrêté" }
                    validFrom: 2023-03-23
                    confidence: secondary
                """;
        assertProblem(
                HEAD + "thresholds:\n" + band.formatted(0, 100) + band.formatted(50, 200),
                "thresholds[1]",
                "[0, 100) and [50, 200) overlap");
    }

    @Test
    void rejectsNegativeAmountsBadDatesMissingBasisAndUnknownFields() {
        String doc = """
                requiredDocuments:
                  - code: RC
                    name: { fr: "Registre du commerce" }
                    legalBasis: { text: "DAO" }
                    validFrom: %s
                    confidence: %s
                """;
        assertProblem(
                HEAD + doc.formatted("2022-13-01", "primary"),
                "requiredDocuments[0].validFrom",
                "'2022-13-01' is not a date");
        assertProblem(
                HEAD + doc.formatted("2022-12-01", "sure"),
                "requiredDocuments[0].confidence",
                "'sure' is not one of primary, secondary, unverified");
        assertProblem(HEAD + """
                        preferenceMargins:
                          - code: UEMOA
                            name: { fr: "Préférence" }
                            ratePercent: -15
                            legalBasis: { text: "CMP 2014", article: "art. 50" }
                            validFrom: 2014-09-22
                            confidence: unverified
                        """, "preferenceMargins[0].ratePercent", "must not be negative");
        assertProblem(HEAD + """
                        timeLimits:
                          - code: RECOURS
                            name: { fr: "Recours" }
                            days: 5
                            unit: clear-working
                            kind: maximum
                            startsFrom: { fr: "Publication" }
                            validFrom: 2022-12-28
                            confidence: secondary
                        """, "timeLimits[0].legalBasis", "is required");
        assertProblem(HEAD + "thresholdz: []\n", "thresholdz", "unknown field");
    }

    @Test
    void theOpeningCommitteeRuleGivesTheQuorumAndRefusesOneKeyAlone() {
        for (RulePack pack : RulePackLoader.load(RulePackLoader.DEFAULT_ROOT)) {
            OpeningCommittee committee = pack.committee().orElseThrow();
            assertThat(committee.confidence()).isEqualTo(Confidence.UNVERIFIED);
            assertThat(committee.allows(3)).isTrue();
            assertThat(pack.values()).contains(committee);
        }
        OpeningCommittee sn = pack("SN").committee().orElseThrow();
        assertThat(List.of(2, 3, 4, 5, 6, 7).stream().map(sn::quorum).toList()).containsExactly(2, 2, 3, 3, 4, 4);
        String committee = """
                openingCommittee:
                  minMembers: %d
                  maxMembers: %d
                  quorum: %s
                  legalBasis: { text: "Décret" }
                  validFrom: 2022-12-28
                  confidence: unverified
                """;
        RulePack twoThirds = RulePackReader.read(
                "SN",
                source("rulepacks/SN/pack.yaml", HEAD + committee.formatted(3, 9, "two-thirds")),
                source("rulepacks/SN/calendar.yaml", CALENDAR));
        assertThat(twoThirds.committee().orElseThrow().quorum(6)).isEqualTo(4);
        assertThat(twoThirds.committee().orElseThrow().quorum(2)).isEqualTo(2);
        assertProblem(HEAD + committee.formatted(1, 5, "majority"), "openingCommittee.minMembers", "at least 2");
        assertProblem(HEAD + committee.formatted(4, 3, "majority"), "openingCommittee.maxMembers", "between");
        assertProblem(HEAD + committee.formatted(3, 5, "all"), "openingCommittee.quorum", "is not one of");
    }

    private static void assertProblem(String packYaml, String path, String problem) {
        assertThatThrownBy(() -> RulePackReader.read(
                        "SN",
                        source("rulepacks/SN/pack.yaml", packYaml),
                        source("rulepacks/SN/calendar.yaml", CALENDAR)))
                .isInstanceOfSatisfying(InvalidRulePackException.class, e -> {
                    assertThat(e.file()).isEqualTo("rulepacks/SN/pack.yaml");
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.problem()).contains(problem);
                });
    }

    private static RulePackReader.Source source(String name, String yaml) {
        return new RulePackReader.Source(name, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static RulePack pack(String country) {
        return RulePackLoader.load(RulePackLoader.DEFAULT_ROOT).stream()
                .filter(p -> p.country().value().equals(country))
                .findFirst()
                .orElseThrow();
    }
}

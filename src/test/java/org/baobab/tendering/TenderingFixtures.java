// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Nature;
import org.baobab.rules.RulePacks;
import org.baobab.shared.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Demo users and valid notices for the tendering tests. */
@Component
public class TenderingFixtures {

    public static final String PRM = "prm@sante.demo";
    public static final String BUYER = "acheteur@sante.demo";
    public static final String CM_BUYER = "acheteur@mintp.demo";
    public static final String CONTROLLER = "controleur@dcmp.demo";
    public static final String SUPPLIER = "offres@sahel-numerique.demo";

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final RulePacks packs;

    TenderingFixtures(Accounts accounts, JdbcClient jdbc, RulePacks packs) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.packs = packs;
    }

    public CurrentUser user(String email) {
        UUID id = jdbc.sql("select id from identity_user where email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
        return accounts.currentUser(id).orElseThrow();
    }

    /** An addendum, as a PRM writes one, that only moves the deadline five days later. */
    public static Tendering.AddendumRequest postponed(ProcessView process, String description) {
        return new Tendering.AddendumRequest(
                description,
                process.notice().submissionDeadline().plus(java.time.Duration.ofDays(5)),
                null,
                null,
                null,
                null,
                null);
    }

    /** The organisation of the user's first membership. */
    public UUID organisationOf(String email) {
        return user(email).primaryMembership().orElseThrow().organisationId();
    }

    /** A notice that passes every blocking check in the given country, deadlines in the coming weeks. */
    public NoticeDraft notice(String country, String title) {
        var pack = packs.pack(new CountryCode(country));
        Instant now = Instant.now();
        return new NoticeDraft(
                "REF-" + UUID.randomUUID().toString().substring(0, 8),
                title,
                "Fourniture, installation et mise en service, avec formation des utilisateurs.",
                "fr",
                new NoticeDraft.Classification(org.baobab.rules.BuyerCategory.ALL, Nature.GOODS, null, List.of()),
                new NoticeDraft.Procedure(
                        "AOO",
                        false,
                        "Entreprises régulièrement installées, à jour de leurs obligations fiscales et sociales.",
                        "Offre conforme la moins-disante.",
                        "priceOnly",
                        List.of()),
                new NoticeDraft.Value(
                        pack.currency().getCurrencyCode(),
                        new BigDecimal("250000000"),
                        true,
                        "2 % du montant de l'offre"),
                new NoticeDraft.Dates(
                        now.plus(Duration.ofDays(30)),
                        now.plus(Duration.ofDays(45)),
                        now.plus(Duration.ofDays(45)).plus(Duration.ofHours(1)),
                        "Salle de conférence du ministère"),
                new NoticeDraft.Contact("Cellule de passation des marchés", "cpm@sante.demo", "+221 33 000 00 00"),
                List.of(
                        new NoticeDraft.Lot(1, "Lot 1 : ordinateurs portables", "", new BigDecimal("150000000"), ""),
                        new NoticeDraft.Lot(2, "Lot 2 : imprimantes", "", new BigDecimal("100000000"), "")));
    }
}

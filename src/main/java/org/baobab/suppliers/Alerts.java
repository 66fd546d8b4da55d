// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.baobab.identity.CurrentUser;
import org.baobab.rules.Cpv;
import org.baobab.rules.PackFormat;
import org.baobab.rules.RulePacks;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.suppliers.internal.SubscriptionStore;
import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.Notices;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.TenderingEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts on notices. A signed-in user subscribes for their own address (active at once); anyone else gives an address
 * that must confirm by a link (double opt-in). When a notice is published, every active alert it matches gets one
 * mail (one per address), each with a one-click unsubscribe link that needs no account; an instant alert also hears
 * of the notice's addenda, answers, cancellation and approaching deadline unless its owner follows the notice. Criteria: words as in
 * the public search (accents, case and inflection ignored, in French, English and Arabic), country, category,
 * procedure, authority and CPV codes (a code covers the codes under it).
 */
@Service
public class Alerts {

    private static final Set<String> LANGUAGES = Set.of("fr", "en", "ar");

    private final SubscriptionStore store;
    private final RulePacks packs;
    private final PackFormat format;
    private final Cpv cpv;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Alerts(
            SubscriptionStore store,
            Notices notices,
            RulePacks packs,
            PackFormat format,
            Cpv cpv,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.packs = packs;
        this.format = format;
        this.cpv = cpv;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Subscribes an address to the notices matching the criteria. Returns true if the alert is active, false if a
     * confirmation mail was sent.
     */
    @Transactional
    public boolean subscribe(
            @Nullable CurrentUser user,
            String email,
            String language,
            Subscription.Criteria criteria,
            Subscription.Frequency frequency) {
        String address = email == null ? "" : email.strip();
        if (address.length() > 320 || !Inputs.isEmail(address)) {
            throw new BaobabException(SuppliersErrorCode.INVALID_VALUE, "email");
        }
        String words = Inputs.text("words", criteria.words(), 200);
        String country = criteria.country() == null || criteria.country().isBlank()
                ? null
                : criteria.country().strip().toUpperCase(Locale.ROOT);
        if (country != null && !CountryCode.isValid(country)) {
            throw new BaobabException(SuppliersErrorCode.INVALID_VALUE, "country");
        }
        String procedure = criteria.procedure() == null || criteria.procedure().isBlank()
                ? null
                : criteria.procedure().strip();
        if (procedure != null
                && packs.all().stream().noneMatch(p -> p.procedure(procedure).isPresent())) {
            throw new BaobabException(SuppliersErrorCode.INVALID_VALUE, "procedure");
        }
        List<String> codes = new ArrayList<>();
        for (String code : criteria.cpv()) {
            if (code.isBlank()) {
                continue;
            }
            String found = cpv.find(code)
                    .map(Cpv.Code::code)
                    .orElseThrow(() -> new BaobabException(
                            SuppliersErrorCode.UNKNOWN_CPV, code.length() > 20 ? code.substring(0, 20) : code));
            if (!codes.contains(found)) {
                codes.add(found);
            }
        }
        if (codes.size() > SupplierCategories.MAX) {
            throw new BaobabException(SuppliersErrorCode.TOO_MANY_CATEGORIES, String.valueOf(SupplierCategories.MAX));
        }
        boolean own = user != null && user.email().equalsIgnoreCase(address);
        String mailLanguage = LANGUAGES.contains(language) ? language : "fr";
        String token = token();
        UUID id = UUID.randomUUID();
        Subscription.Criteria clean =
                new Subscription.Criteria(country, criteria.nature(), procedure, criteria.authority(), words, codes);
        store.insert(new Subscription(
                id,
                address,
                mailLanguage,
                user == null ? null : user.id(),
                clean,
                frequency,
                token,
                own ? clock.instant() : null,
                clock.instant()));
        journal(user == null ? "anonymous" : user.email(), "suppliers.alert-created", id, clean, frequency);
        if (!own) {
            events.publishEvent(new SupplierEvents.AlertConfirmationRequested(address, mailLanguage, token));
        }
        return own;
    }

    /** Confirms an alert from the link mailed to its address. */
    @Transactional
    public void confirm(String token) {
        Subscription alert =
                store.byToken(token).orElseThrow(() -> new BaobabException(SuppliersErrorCode.UNKNOWN_ALERT));
        if (store.confirm(token, clock.instant())) {
            journal("anonymous", "suppliers.alert-confirmed", alert.id(), alert.criteria(), alert.frequency());
        }
    }

    /** Ends an alert from the link in any of its mails; no account needed. */
    @Transactional
    public void unsubscribe(String token) {
        Subscription alert =
                store.byToken(token).orElseThrow(() -> new BaobabException(SuppliersErrorCode.UNKNOWN_ALERT));
        end("anonymous", alert);
    }

    public boolean exists(String token) {
        return store.byToken(token).isPresent();
    }

    /** A signed-in user's alerts. */
    public List<Subscription> mine(CurrentUser user) {
        return store.ofUser(user.id());
    }

    /** Ends one of one's own alerts. */
    @Transactional
    public void remove(CurrentUser user, UUID id) {
        Subscription alert = store.ofUser(user.id()).stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new BaobabException(SuppliersErrorCode.UNKNOWN_ALERT));
        end(user.email(), alert);
    }

    private void end(String actor, Subscription alert) {
        if (!store.delete(alert.token())) {
            throw new BaobabException(SuppliersErrorCode.UNKNOWN_ALERT);
        }
        journal(actor, "suppliers.alert-ended", alert.id(), alert.criteria(), alert.frequency());
    }

    private void journal(
            String actor, String action, UUID id, Subscription.Criteria c, Subscription.Frequency frequency) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("frequency", frequency.name());
        payload.put("words", c.words());
        if (c.country() != null) {
            payload.put("country", c.country());
        }
        if (c.nature() != null) {
            payload.put("nature", c.nature().name());
        }
        if (c.procedure() != null) {
            payload.put("procedure", c.procedure());
        }
        if (c.authority() != null) {
            payload.put("authority", c.authority().toString());
        }
        if (!c.cpv().isEmpty()) {
            payload.put("cpv", c.cpv());
        }
        events.publishEvent(new SupplierEvents.AlertChanged(actor, action, id.toString(), payload));
    }

    /** A notice was published: one mail per active instant alert it matches, from the outbox; daily ones wait. */
    @ApplicationModuleListener
    void on(TenderingEvents.NoticePublished event) {
        ProcessView notice = notices.notice(event.ocid()).orElse(null);
        if (notice == null) {
            return;
        }
        Set<String> mailed = new HashSet<>();
        for (Subscription s : store.activeFor(notice.country())) {
            if (!matches(s.criteria(), notice)) {
                continue;
            }
            if (s.frequency() == Subscription.Frequency.INSTANT
                    && !mailed.add(s.email().toLowerCase(Locale.ROOT))) {
                // two alerts of one address matching the same notice: one mail
                continue;
            }
            if (s.frequency() == Subscription.Frequency.DAILY) {
                store.hold(s.id(), notice.ocid(), notice.notice().title(), clock.instant());
            } else {
                events.publishEvent(new SupplierEvents.AlertMatched(
                        s.email(),
                        s.language(),
                        s.token(),
                        notice.ocid(),
                        notice.notice().title(),
                        s.userId()));
            }
        }
    }

    @ApplicationModuleListener
    void on(TenderingEvents.AddendumPublished event) {
        changed(event.ocid(), "addendum-" + event.number(), "addendum", language -> event.description());
    }

    @ApplicationModuleListener
    void on(TenderingEvents.QuestionAnswered event) {
        changed(event.ocid(), "answer-" + event.questionId(), "answer", language -> "");
    }

    @ApplicationModuleListener
    void on(TenderingEvents.ProcessCancelled event) {
        if (event.wasPublic()) {
            changed(event.ocid(), "cancelled", "cancelled", language -> event.reason());
        }
    }

    @ApplicationModuleListener
    void on(TenderingEvents.DeadlineApproaching event) {
        // the deadline in the country's time zone, written as the alert's reader reads dates
        changed(
                event.ocid(),
                "deadline-" + event.deadline().toEpochMilli(),
                "deadline",
                language -> format.dateTime(event.deadline(), event.country(), Locale.forLanguageTag(language)));
    }

    /**
     * A published notice changed: each instant alert it matches hears of it once per address, unless the alert's
     * owner follows the notice (followers are told already). Daily alerts carry new notices only.
     */
    private void changed(String ocid, String changeKey, String change, Function<String, String> detail) {
        ProcessView notice = notices.notice(ocid).orElse(null);
        if (notice == null) {
            return;
        }
        Set<UUID> followers = new HashSet<>(notices.followers(ocid));
        Set<String> mailed = new HashSet<>();
        for (Subscription s : store.activeFor(notice.country())) {
            if (s.frequency() != Subscription.Frequency.INSTANT
                    || (s.userId() != null && followers.contains(s.userId()))
                    || !matches(s.criteria(), notice)
                    || !mailed.add(s.email().toLowerCase(Locale.ROOT))) {
                continue;
            }
            events.publishEvent(new SupplierEvents.AlertNoticeChanged(
                    s.email(),
                    s.language(),
                    s.token(),
                    ocid,
                    notice.notice().title(),
                    changeKey,
                    change,
                    detail.apply(s.language())));
        }
    }

    /** Mails each daily alert its held matches in one digest (run daily by a job). Returns how many digests. */
    @Transactional
    public int sendDigests() {
        List<SubscriptionStore.Held> held = store.takeHeld();
        for (SubscriptionStore.Held h : held) {
            Subscription s = h.subscription();
            events.publishEvent(new SupplierEvents.AlertDigest(s.email(), s.language(), s.token(), h.notices()));
        }
        return held.size();
    }

    private boolean matches(Subscription.Criteria c, ProcessView notice) {
        if ((c.country() != null && !c.country().equals(notice.country()))
                || (c.nature() != null
                        && c.nature() != notice.notice().classification().nature())
                || (c.procedure() != null
                        && !c.procedure().equals(notice.notice().procedure().code()))
                || (c.authority() != null && !c.authority().equals(notice.authorityId()))
                || (!c.cpv().isEmpty()
                        && notice.notice().classification().cpv().stream()
                                .noneMatch(code -> Cpv.anyCovers(c.cpv(), code)))) {
            return false;
        }
        if (c.words().isBlank()) {
            return true;
        }
        // the same words, through the same search as the portal, restricted to this notice's authority and country:
        // the notice just published is the newest of them
        List<NoticeSummary> found = notices.search(new NoticeSearch(
                        c.words(),
                        notice.country(),
                        notice.authorityId(),
                        notice.notice().classification().nature(),
                        notice.notice().procedure().code(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        NoticeSearch.Sort.PUBLISHED,
                        0,
                        100))
                .items();
        return found.stream().anyMatch(n -> n.ocid().equals(notice.ocid()));
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

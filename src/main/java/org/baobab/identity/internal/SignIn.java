// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.baobab.identity.AccountPolicy;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.IdentityEvents.LoginFailed;
import org.baobab.identity.IdentityEvents.LoginSucceeded;
import org.baobab.identity.IdentityEvents.SecondFactorEnrolled;
import org.baobab.shared.HttpAccessRules;
import org.baobab.shared.database.DemoMode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of signing in after the password: the second factor (TOTP), counting failures towards lock-out, and
 * journalling every outcome. A session holds {@link #PASSWORD_VERIFIED} between the password and the code, and {@link
 * HttpAccessRules#SIGNED_IN} with the user's roles only after both.
 */
@Service
@Transactional
public class SignIn {

    /** Authority of a session whose password was accepted but whose second factor is still due. */
    public static final String PASSWORD_VERIFIED = "FACTOR_PASSWORD";

    /** The demo accounts' shared TOTP secret, published in the README: demo mode only. */
    public static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final IdentityStore store;
    private final SecretCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccountPolicy policy;
    private final DemoMode demoMode;
    private final SecureRandom random = new SecureRandom();

    SignIn(
            IdentityStore store,
            SecretCipher cipher,
            ApplicationEventPublisher events,
            Clock clock,
            AccountPolicy policy,
            DemoMode demoMode) {
        this.store = store;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
        this.policy = policy;
        this.demoMode = demoMode;
    }

    /** Whether the address has failed too often within the window, whichever accounts it tried. */
    @Transactional(readOnly = true)
    public boolean addressBlocked(String ip) {
        return store.failuresFrom(ip, clock.instant().minus(policy.window())) >= policy.maxFailuresPerAddress();
    }

    /**
     * Records a refused attempt and journals it. A wrong password or code counts towards the back-off of this e-mail
     * from this address ({@link #throttledUntil}); nothing locks the account itself, so that no one can lock its owner
     * out by guessing from elsewhere.
     */
    public void failed(String email, String ip, String reason) {
        Instant now = clock.instant();
        store.recordAttempt(now, email, ip, reason);
        Optional<IdentityStore.UserRow> user = store.userByEmail(email);
        boolean throttled = throttledUntil(email, ip).isPresent();
        events.publishEvent(
                new LoginFailed(email, user.map(IdentityStore.UserRow::id).orElse(null), ip, reason, throttled));
    }

    /**
     * Until when the address must wait before trying this e-mail again, if it must: after {@link
     * AccountPolicy#maxFailures()} consecutive failures, {@link AccountPolicy#backoff()} after the last one, doubled at
     * each further failure, at most {@link AccountPolicy#lockDuration()}. The same whether an account has that e-mail
     * or not.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> throttledUntil(String email, String ip) {
        Instant now = clock.instant();
        List<Instant> failures = store.failuresFor(email.strip(), ip, now.minus(policy.failureMemory()));
        int excess = failures.size() - policy.maxFailures();
        if (excess < 0) {
            return Optional.empty();
        }
        Duration wait = policy.backoff().multipliedBy(1L << Math.min(excess, 20));
        if (wait.compareTo(policy.lockDuration()) > 0) {
            wait = policy.lockDuration();
        }
        Instant until = failures.get(0).plus(wait);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** The authentication after the password alone: the second factor is still due. */
    public Authentication passwordOnly(CurrentUser user) {
        return new UsernamePasswordAuthenticationToken(
                user, null, List.of(new SimpleGrantedAuthority(PASSWORD_VERIFIED)));
    }

    /** The user's full authentication, journalled as a successful sign-in. */
    public Authentication complete(CurrentUser user, String ip, boolean secondFactor) {
        store.resetFailures(user.id());
        store.recordAttempt(clock.instant(), user.email(), ip, "SUCCESS");
        events.publishEvent(new LoginSucceeded(user.id(), user.email(), ip, secondFactor));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(HttpAccessRules.SIGNED_IN));
        user.memberships().stream()
                .map(m -> m.role().authority())
                .distinct()
                .map(SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        return new UsernamePasswordAuthenticationToken(user, null, authorities);
    }

    @Transactional(readOnly = true)
    public boolean enrolled(UUID userId) {
        return store.userById(userId).map(u -> u.totpSecret() != null).orElse(false);
    }

    /** Checks a code against the user's enrolled secret; a used code is refused. */
    public boolean verifyCode(UUID userId, String code) {
        IdentityStore.UserRow user = store.userForUpdate(userId).orElseThrow();
        if (user.totpSecret() == null) {
            return false;
        }
        OptionalLong step = Totp.verify(cipher.decrypt(user.totpSecret()), code, clock.instant(), user.totpLastStep());
        step.ifPresent(s -> store.recordTotpStep(userId, s));
        return step.isPresent();
    }

    /** A new secret to enrol (not stored until a code proves the app holds it). */
    public String newSecret() {
        return Totp.newSecret(random);
    }

    public String enrolmentUri(String email, String secret) {
        return Totp.enrolmentUri("Baobab", email, secret);
    }

    /** Stores the secret once the user typed a valid code from their app. */
    public boolean enrol(UUID userId, String secret, String code) {
        IdentityStore.UserRow user = store.userForUpdate(userId).orElseThrow();
        OptionalLong step = Totp.verify(secret, code, clock.instant(), -1);
        if (step.isEmpty()) {
            return false;
        }
        store.updateTotp(userId, cipher.encrypt(secret), step.getAsLong());
        events.publishEvent(new SecondFactorEnrolled(userId, user.email()));
        return true;
    }

    /** Enrols a known secret directly: used only to create the demo accounts. */
    public void enrolDemoSecret(UUID userId) {
        if (!demoMode.enabled()) {
            throw new IllegalStateException("demo secrets only in demo mode");
        }
        store.updateTotp(userId, cipher.encrypt(DEMO_TOTP_SECRET), -1);
    }

    /** In demo mode, the current code of the demo accounts, so a visitor can try the platform without an app. */
    public @Nullable String demoCode() {
        return demoMode.enabled() ? Totp.code(DEMO_TOTP_SECRET, Totp.step(clock.instant())) : null;
    }
}

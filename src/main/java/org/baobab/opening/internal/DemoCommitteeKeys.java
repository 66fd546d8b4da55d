// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.baobab.bidding.sealing.KeyFile;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.bidding.sealing.ProofOfPossession;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.opening.CommitteeKeys;
import org.baobab.shared.database.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The demo committee members' keys (demo mode only), enrolled once, after the demo accounts and before the demo
 * notices are published, so that every published demo notice has a sealing set. The key files are in
 * {@code demo/committee-keys/<e-mail>.bkf.json}, protected by the demo password: they are public, demo-only keys.
 * Each is enrolled through the real path, proof of possession included.
 */
@Component
@Order(15)
class DemoCommitteeKeys implements ApplicationRunner {

    /** The passphrase of the demo key files: the demo accounts' password, public like them. */
    static final String DEMO_PASSPHRASE = "Baobab-Demo-2026";

    static final String LOCATION = "classpath*:demo/committee-keys/*.bkf.json";

    private static final Logger log = LoggerFactory.getLogger(DemoCommitteeKeys.class);

    private final DemoMode demoMode;
    private final Accounts accounts;
    private final CommitteeKeys keys;

    DemoCommitteeKeys(DemoMode demoMode, Accounts accounts, CommitteeKeys keys) {
        this.demoMode = demoMode;
        this.accounts = accounts;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        int enrolled = 0;
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String name = resource.getFilename();
                if (name == null) {
                    continue;
                }
                String email = name.substring(0, name.length() - ".bkf.json".length());
                CurrentUser user = accounts.currentUserByEmail(email).orElse(null);
                if (user == null
                        || !CommitteeKeys.mayEnrol(user)
                        || keys.currentKey(user.id()).isPresent()) {
                    continue;
                }
                KeyFile file = KeyFile.fromJson(resource.getContentAsString(StandardCharsets.UTF_8));
                MemberKey member = file.open(DEMO_PASSPHRASE.toCharArray());
                CommitteeKeys.Enrolment enrolment = keys.startEnrolment(user);
                Base64.Decoder b64 = Base64.getDecoder();
                String proof = ProofOfPossession.answer(
                        member, b64.decode(enrolment.challenge()), b64.decode(enrolment.serverPoint()));
                keys.enrol(user, enrolment.challengeId(), member.publicKey().base64(), proof);
                enrolled++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (enrolled > 0) {
            log.info("Demo committee keys enrolled: {} (public demo key files, passphrase in the README)", enrolled);
        }
    }
}

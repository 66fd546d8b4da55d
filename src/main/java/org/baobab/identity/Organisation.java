// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity;

import java.time.Instant;
import java.util.UUID;
import org.baobab.shared.OrganisationKind;

/**
 * An organisation as other modules see it: a contracting authority that buys, a supplier, a control body or a
 * regulator, in one country (ISO 3166-1 alpha-2).
 */
public record Organisation(UUID id, OrganisationKind kind, String name, String country, Instant createdAt) {}

// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import java.util.List;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.baobab.suppliers.SuppliersErrorCode;

/** The company a member of a supplier acts for on its pages, with the role that says what they may do there. */
final class SupplierMembership {

    private SupplierMembership() {}

    /**
     * The user's first supplier company, through the most capable role held in it (admin, then bid preparer, then
     * signatory); {@code SUPPLIERS-0008} for a user of no supplier.
     */
    static CurrentUser.Membership of(CurrentUser user) {
        List<CurrentUser.Membership> companies = user.organisationsWith(
                OrganisationKind.SUPPLIER, Role.SUPPLIER_ADMIN, Role.BID_PREPARER, Role.SIGNATORY);
        if (companies.isEmpty()) {
            throw new BaobabException(SuppliersErrorCode.NOT_SUPPLIER_ADMIN);
        }
        return companies.get(0);
    }
}

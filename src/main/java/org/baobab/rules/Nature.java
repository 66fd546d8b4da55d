// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

/**
 * The nature of a contract, as the UEMOA-style codes split it (travaux, fournitures, services courants, prestations
 * intellectuelles), with its OCDS {@code mainProcurementCategory}; consulting is OCDS {@code services} plus
 * {@code additionalProcurementCategories = [consultingServices]}.
 */
public enum Nature {
    WORKS("works"),
    GOODS("goods"),
    SERVICES("services"),
    CONSULTING("services");

    private final String ocdsCategory;

    Nature(String ocdsCategory) {
        this.ocdsCategory = ocdsCategory;
    }

    public String ocdsMainProcurementCategory() {
        return ocdsCategory;
    }
}

// SPDX-License-Identifier: Apache-2.0
package org.baobab.demo.web;

import org.baobab.demo.internal.DemoHistoryProgress;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page whether the demo history is still being played, for the layout's « la démonstration se prépare… ». */
@ControllerAdvice
class DemoPreparingAdvice {

    private final DemoHistoryProgress progress;

    DemoPreparingAdvice(DemoHistoryProgress progress) {
        this.progress = progress;
    }

    @ModelAttribute("demoPreparing")
    boolean demoPreparing() {
        return progress.preparing();
    }
}

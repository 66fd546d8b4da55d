// SPDX-License-Identifier: Apache-2.0
package org.baobab.award;

import org.springframework.stereotype.Service;

/** Placeholder while the award module is written on its own branch; replaced at the merge. */
@Service
public class Awards {

    public void recommend(Recommendation recommendation) {}
}

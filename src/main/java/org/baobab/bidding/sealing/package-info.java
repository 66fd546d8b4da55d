// SPDX-License-Identifier: Apache-2.0
/**
 * The sealed-bid format {@code BSE1} (docs/sealing-format.md) in plain Java: nothing but the JDK 17, so that API
 * clients can seal bids with the very code the platform opens them with.
 *
 * <ul>
 *   <li>{@link org.baobab.bidding.sealing.Sealer} seals a bid form and its files, streaming, into a ciphertext and a
 *       {@link org.baobab.bidding.sealing.Manifest};
 *   <li>{@link org.baobab.bidding.sealing.ShareOpener} lets a committee member decrypt (or release the key of) its
 *       share; {@link org.baobab.bidding.sealing.Opener} rebuilds the data key from k shares and streams the parts
 *       out;
 *   <li>{@link org.baobab.bidding.sealing.KeyFile} and {@link org.baobab.bidding.sealing.ProofOfPossession} serve a
 *       member's enrolment.
 * </ul>
 *
 * <p>Every failure is a {@link org.baobab.bidding.sealing.SealingException} that says what failed. The package
 * depends on nothing but {@code java.*}, {@code javax.*} and JSpecify's annotations (checked by
 * {@code SealingArchitectureTests}, which leaves out this file: its named interface only tells Spring Modulith that
 * other modules, such as opening, may use the library).
 */
@NullMarked
@NamedInterface("sealing")
package org.baobab.bidding.sealing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

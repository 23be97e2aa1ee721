package org.apom.recognition.api;

/**
 * A transition as a caller asks for it.
 *
 * @param action {@code submit}, {@code endorse}, {@code approve}, {@code confer}, {@code reject} or {@code withdraw}
 * @param comment required to reject or withdraw
 * @param conferredOn for {@code confer}: the day (today when left out)
 * @param gazetteReference for {@code confer}: the Royal Gazette's announcement, when known
 */
public record TransitionInput(String action, String comment, String conferredOn, String gazetteReference) {
}

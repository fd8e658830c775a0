package io.hazardledger.contracts.hazard;

/**
 * What a MAJOR hazard's registration states beyond a general one (16号令 §14): the criterion it meets, its state
 * and cause, the harm it may do and how hard it is to rectify.
 */
public record MajorAssessment(MajorCriterion criterion, String stateAndCause, String harm, String difficulty) {
}

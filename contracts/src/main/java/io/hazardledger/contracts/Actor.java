package io.hazardledger.contracts;

/**
 * Who caused an event: the authenticated subject and the role they acted in, or a service acting on its own
 * (role {@code system}) when an event is the consequence of another event or of time passing.
 */
public record Actor(String subject, String role) {
    public static final String SYSTEM_ROLE = "system";

    public static Actor system(String service) {
        return new Actor(service, SYSTEM_ROLE);
    }
}

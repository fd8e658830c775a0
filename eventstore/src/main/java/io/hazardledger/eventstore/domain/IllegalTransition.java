package io.hazardledger.eventstore.domain;

/** A command the aggregate's current state does not allow; answered 409 naming both. */
public class IllegalTransition extends RuntimeException {
    private final String command;
    private final String state;

    public IllegalTransition(String command, String state) {
        super(command + " is not allowed while the state is " + state);
        this.command = command;
        this.state = state;
    }

    public String command() {
        return command;
    }

    public String state() {
        return state;
    }
}

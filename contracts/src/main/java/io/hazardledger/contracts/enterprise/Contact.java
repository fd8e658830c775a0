package io.hazardledger.contracts.enterprise;

/** The enterprise's safety contact: a person and a phone number. */
public record Contact(String name, String phone) {
}

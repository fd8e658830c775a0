package io.hazardledger.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/keycloak/hazard-ledger-realm.json: the claims the services read (DESIGN §7) come out of every client. */
class KeycloakRealmTest {
    static final Set<String> ROLES = Set.of("enterprise", "inspector", "regulator", "analyst", "admin");
    private static final Set<String> DISTRICT_ROLES = Set.of("inspector", "regulator", "analyst");

    @SuppressWarnings("unchecked")
    static Map<String, Object> realm() {
        try {
            return new ObjectMapper().readValue(Project.read("deploy/keycloak/hazard-ledger-realm.json"), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Map<String, Object> realm = realm();

    @Test
    void everyRoleIsARealmRoleAndAGroupGrantingIt() {
        Set<String> roles = Yaml.list(realm, "roles.realm").stream().map(role -> Yaml.string(role, "name")).collect(Collectors.toSet());
        assertEquals(ROLES, roles);
        for (Object group : Yaml.list(realm, "groups")) {
            assertEquals(List.of(Yaml.string(group, "name")), Yaml.list(group, "realmRoles"), "group " + Yaml.string(group, "name"));
        }
        assertEquals(ROLES, Yaml.list(realm, "groups").stream().map(group -> Yaml.string(group, "name")).collect(Collectors.toSet()));
    }

    @Test
    void everyClientPutsRolesInGroupsAndTheScopeAttributesInTheirOwnClaims() {
        List<Object> clients = Yaml.list(realm, "clients");
        assertEquals(Set.of("hazard-ledger-dashboard", "hazard-ledger-partner"),
                clients.stream().map(client -> Yaml.string(client, "clientId")).collect(Collectors.toSet()));
        for (Object client : clients) {
            Map<String, Object> mappers = Yaml.list(client, "protocolMappers").stream()
                    .collect(Collectors.toMap(mapper -> String.valueOf(Yaml.map(mapper, "config").get("claim.name")), mapper -> mapper, (a, b) -> a));
            String id = Yaml.string(client, "clientId");
            assertEquals("oidc-usermodel-realm-role-mapper", Yaml.string(mappers.get("groups"), "protocolMapper"), id);
            assertEquals("true", Yaml.map(mappers.get("groups"), "config").get("multivalued"), id + " groups is a list");
            for (String claim : List.of("district", "enterprise_id")) {
                assertEquals("oidc-usermodel-attribute-mapper", Yaml.string(mappers.get(claim), "protocolMapper"), id + " " + claim);
                assertEquals(claim, Yaml.map(mappers.get(claim), "config").get("user.attribute"), id + " " + claim);
                assertEquals("true", Yaml.map(mappers.get(claim), "config").get("access.token.claim"), id + " " + claim);
            }
        }
        Object dashboard = clients.stream().filter(c -> "hazard-ledger-dashboard".equals(Yaml.string(c, "clientId"))).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, Yaml.at(dashboard, "publicClient"));
        assertEquals("S256", Yaml.map(dashboard, "attributes").get("pkce.code.challenge.method"));
        Object partner = clients.stream().filter(c -> "hazard-ledger-partner".equals(Yaml.string(c, "clientId"))).findFirst().orElseThrow();
        assertEquals(Boolean.FALSE, Yaml.at(partner, "publicClient"));
        assertEquals(Boolean.TRUE, Yaml.at(partner, "serviceAccountsEnabled"));
    }

    @Test
    void demoUsersCarryTheScopeTheirRoleNeeds() {
        List<Object> users = Yaml.list(realm, "users");
        assertTrue(users.size() >= 5, "a few demo users");
        for (Object user : users) {
            String name = Yaml.string(user, "username");
            Set<String> roles = Yaml.list(user, "groups").stream().map(group -> String.valueOf(group).substring(1)).collect(Collectors.toSet());
            Yaml.list(user, "realmRoles").forEach(role -> roles.add(String.valueOf(role)));
            assertTrue(ROLES.containsAll(roles) && !roles.isEmpty(), name + " has known roles: " + roles);
            if (roles.stream().anyMatch(DISTRICT_ROLES::contains)) {
                assertTrue(String.valueOf(Yaml.list(user, "attributes.district")).matches("\\[\\d{6}]"), name + " has a district");
            }
            if (roles.contains("enterprise")) {
                assertTrue(String.valueOf(Yaml.list(user, "attributes.enterprise_id")).matches("\\[[0-9a-f-]{36}]"), name + " has an enterprise");
            }
        }
    }

    @Test
    void theUserProfileDeclaresTheScopeAttributes() throws IOException {
        // Keycloak 24+ keeps undeclared attributes out of tokens' reach: district and enterprise_id must be declared.
        List<?> providers = (List<?>) Yaml.map(realm, "components").get("org.keycloak.userprofile.UserProfileProvider");
        List<?> config = (List<?>) Yaml.map(providers.get(0), "config").get("kc.user.profile.config");
        Map<?, ?> profile = new ObjectMapper().readValue(String.valueOf(config.get(0)), Map.class);
        Set<String> attributes = Yaml.list(profile, "attributes").stream().map(a -> Yaml.string(a, "name")).collect(Collectors.toSet());
        assertTrue(attributes.containsAll(Set.of("username", "email", "district", "enterprise_id")), attributes.toString());
    }
}

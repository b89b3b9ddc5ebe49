package dev.alexalink.example.skill;

/** The Keycloak user behind a link: the token's subject and the name to greet them by. */
public record LinkedUser(String subject, String name) {}

package dev.alexalink.rules;

/** The rules the realm's Alexa policy configures; a null member means its profile lacks that executor. */
public record PolicyRules(
        RedirectUriRule redirectUris, ScopeRule scopes, TokenLifetimeRule tokens, ClientShapeRule shape) {}

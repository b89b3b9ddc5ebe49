// A sample Alexa skill backend for a Keycloak realm with Alexa account linking: greets the linked user by name, asks
// for a link otherwise, and revokes the link when the user disables the skill. Lambda handler: index.handler.
import Alexa from 'ask-sdk-core';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const LINK_ACCOUNT_SPEECH = 'Please link your account in the Alexa app.';
const TIMEOUT_MS = 3000; // Alexa waits 8 seconds for the answer

function required(env, name) {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function readConfig(env) {
  const realmUrl = required(env, 'KEYCLOAK_REALM_URL').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/?#]+(\/[^?#]*)?\/realms\/[^/?#]+$/.test(realmUrl)) {
    throw new Error(`KEYCLOAK_REALM_URL must be the realm's URL, like https://id.example.com/realms/alexa; got '${env.KEYCLOAK_REALM_URL}'`);
  }
  const clientId = required(env, 'ALEXA_CLIENT_ID');
  return {
    realmUrl, // also the issuer of the realm's tokens
    clientId,
    clientSecret: required(env, 'ALEXA_CLIENT_SECRET'), // only to revoke tokens
    audience: env.ALEXA_TOKEN_AUDIENCE?.trim() || clientId,
  };
}

const config = readConfig(process.env);
const oidc = `${config.realmUrl}/protocol/openid-connect`;
const realmKeys = createRemoteJWKSet(new URL(`${oidc}/certs`), { timeoutDuration: TIMEOUT_MS }); // cached

// The user of the link, or null: no token, a token failing verification, or a link revoked (userinfo says 401).
async function linkedUser(accessToken) {
  if (!accessToken) return null;
  let token;
  try {
    ({ payload: token } = await jwtVerify(accessToken, realmKeys, {
      issuer: config.realmUrl,
      audience: config.audience,
      algorithms: ['RS256'],
      requiredClaims: ['sub', 'exp'],
    }));
  } catch (error) {
    console.log(`Access token rejected: ${error.code ?? error.message}`);
    return null;
  }
  if (token.typ !== 'Bearer') { // Keycloak's ID tokens have the same issuer and audience
    console.log(`Access token rejected: typ is ${token.typ}`);
    return null;
  }
  const response = await fetch(`${oidc}/userinfo`, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.status === 401) {
    console.log(`Userinfo refused the access token of ${token.sub}: the link was revoked`);
    return null;
  }
  if (!response.ok) throw new Error(`Userinfo answered HTTP ${response.status}`);
  const userinfo = await response.json();
  return userinfo.sub === token.sub ? userinfo : null;
}

// RFC 7009: revoking the access token ends the user's link, Alexa's refresh token included.
async function revoke(accessToken) {
  const credentials = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`;
  const response = await fetch(`${oidc}/revoke`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
    body: new URLSearchParams({ token: accessToken, token_type_hint: 'access_token' }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  return response.ok;
}

const accessTokenOf = (handlerInput) => handlerInput.requestEnvelope.context?.System?.user?.accessToken;
const userIdOf = (handlerInput) => handlerInput.requestEnvelope.context?.System?.user?.userId;

const GreetingHandler = {
  canHandle(handlerInput) {
    return ['LaunchRequest', 'IntentRequest'].includes(Alexa.getRequestType(handlerInput.requestEnvelope));
  },
  async handle(handlerInput) {
    const user = await linkedUser(accessTokenOf(handlerInput));
    if (!user) {
      return handlerInput.responseBuilder.speak(LINK_ACCOUNT_SPEECH).withLinkAccountCard().withShouldEndSession(true).getResponse();
    }
    const name = user.given_name || user.name || user.preferred_username || 'there';
    return handlerInput.responseBuilder.speak(`Hello, ${name}.`).withShouldEndSession(true).getResponse();
  },
};

const SkillDisabledHandler = {
  canHandle(handlerInput) {
    return Alexa.getRequestType(handlerInput.requestEnvelope) === 'AlexaSkillEvent.SkillDisabled';
  },
  async handle(handlerInput) {
    const accessToken = accessTokenOf(handlerInput);
    const userId = userIdOf(handlerInput);
    if (!accessToken) {
      console.log(`Skill disabled by ${userId}: no access token in the event, nothing to revoke`);
    } else if (await revoke(accessToken)) {
      console.log(`Skill disabled by ${userId}: access token revoked, the account link ended`);
    } else {
      console.warn(`Skill disabled by ${userId}: Keycloak refused to revoke the access token`);
    }
    return handlerInput.responseBuilder.getResponse(); // Alexa reads no answer to a skill event
  },
};

const SessionEndedHandler = {
  canHandle(handlerInput) {
    return Alexa.getRequestType(handlerInput.requestEnvelope) === 'SessionEndedRequest';
  },
  handle(handlerInput) {
    return handlerInput.responseBuilder.getResponse();
  },
};

const ErrorHandler = { // Keycloak unreachable or failing: say so, rather than asking for a new link
  canHandle() {
    return true;
  },
  handle(handlerInput, error) {
    console.error(`Request ${handlerInput.requestEnvelope.request.requestId} failed:`, error);
    return handlerInput.responseBuilder.speak("Sorry, I can't reach your account right now. Please try again later.")
      .withShouldEndSession(true).getResponse();
  },
};

export const handler = Alexa.SkillBuilders.custom()
  .addRequestHandlers(GreetingHandler, SkillDisabledHandler, SessionEndedHandler)
  .addErrorHandlers(ErrorHandler)
  .lambda();

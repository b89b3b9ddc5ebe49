// The Alexa admin page. Vanilla script, no build step: every text from the server goes in as text (textContent),
// never as HTML. The API is this page's own: cookie session, X-Alexa-Admin header, JSON bodies.
"use strict";
(function () {
  const root = document.documentElement;
  const BASE = root.dataset.base;
  const CONSOLE = root.dataset.console;
  const ADMIN_REALM = root.dataset.adminRealm;
  const main = document.getElementById("main");
  const realmSelect = document.getElementById("realm");
  const REGIONS = [
    ["north-america", "North America", "pitangui.amazon.com"],
    ["europe", "Europe", "layla.amazon.com"],
    ["far-east", "Far East", "alexa.amazon.co.jp"],
  ];
  const LANGUAGES = "en, de, fr, it, es, pt-BR, ja, hi, ar";
  let realms = [];
  let realm = null;
  // Each navigation gets a number; an answer that arrives after a newer navigation is dropped, so that a slow
  // request (a big realm's diagnostics) cannot paint over the view the admin went to since.
  let navigation = 0;

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name === "text") element.textContent = value;
      else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      element.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return element;
  }

  function show(...sections) {
    main.replaceChildren(...sections.flat().filter(Boolean));
  }

  class ApiError extends Error {
    constructor(status, json) {
      super((json && json.error_description) || "HTTP " + status);
      this.status = status;
      this.json = json || {};
    }
  }

  async function api(method, path, body) {
    const headers = { "X-Alexa-Admin": "1", Accept: "application/json" };
    const init = { method, headers, credentials: "same-origin", cache: "no-store", redirect: "error" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(BASE + "api/" + path, init);
    let json = null;
    try {
      json = await response.json();
    } catch (notJson) {
      json = null;
    }
    if (!response.ok) throw new ApiError(response.status, json);
    return { status: response.status, json };
  }

  function realmPath(...parts) {
    return ["realms", realm, ...parts].map(encodeURIComponent).join("/");
  }

  function signInBox(error) {
    return el("section", { class: "problem", id: "signin", role: "alert" },
      el("p", { text: error.message }),
      el("div", { class: "actions" },
        el("a", { class: "button", href: CONSOLE, id: "signin-link", text: "Sign in to the admin console" }),
        el("button", { type: "button", onclick: () => location.reload(), text: "Reload this page" })));
  }

  function problemBox(title, error) {
    const problems = (error.json && error.json.problems) || [];
    return el("section", { class: "problem", role: "alert", id: "problem" },
      el("strong", { text: title }),
      el("p", { text: error.message }),
      problems.length > 1 ? el("ul", {}, problems.map((p) => el("li", { text: p }))) : null);
  }

  function failed(error, title) {
    if (error instanceof ApiError && error.status === 401) return signInBox(error);
    if (error instanceof ApiError) return problemBox(title, error);
    return problemBox(title, { message: String(error), json: {} });
  }

  // ---- routing: #/{realm}, #/{realm}/{clientId}, #/{realm}/+new
  function route() {
    const parts = location.hash.replace(/^#\/?/, "").split("/").filter((p) => p !== "").map(decodeURIComponent);
    const wanted = parts[0] || defaultRealm();
    if (wanted !== realm) {
      realm = wanted;
      realmSelect.value = realm;
    }
    const current = ++navigation;
    const stillCurrent = () => current === navigation;
    if (parts.length < 2) return showList(stillCurrent);
    if (parts[1] === "+new") return showSkill(null, stillCurrent);
    return showSkill(parts[1], stillCurrent);
  }

  function defaultRealm() {
    if (realms.includes(ADMIN_REALM) && realms.length === 1) return ADMIN_REALM;
    return realms.find((r) => r !== ADMIN_REALM) || ADMIN_REALM;
  }

  function go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  // ---- the list of skills
  async function showList(stillCurrent) {
    show(el("p", { text: "Loading the Alexa skills of realm " + realm + "…" }));
    let skills;
    let report;
    try {
      skills = (await api("GET", realmPath("skills"))).json;
      report = (await api("GET", realmPath("diagnostics"))).json;
    } catch (error) {
      if (stillCurrent()) show(failed(error, "The skills of realm '" + realm + "' cannot be shown."));
      return;
    }
    if (!stillCurrent()) return;
    const rows = skills.map((skill) => el("tr", {},
      el("td", {}, el("a", { href: "#/" + encodeURIComponent(realm) + "/" + encodeURIComponent(skill.clientId),
        class: "skill-link", text: skill.clientId })),
      el("td", { class: "optional", text: skill.name || "" }),
      el("td", {}, skill.failures > 0
        ? el("span", { class: "failures", text: skill.failures + (skill.failures === 1 ? " failed check" : " failed checks") })
        : el("span", { class: "ok", text: "no failed checks" }))));
    const realmFailures = report.realmChecks.filter((check) => check.status === "FAIL").length;
    show(el("section", { id: "skills" },
      el("h2", { text: "Alexa skills of realm " + realm }),
      el("p", { id: "realm-summary", class: realmFailures > 0 ? "failures" : "ok",
        text: realmFailures > 0
          ? "Checks of the realm, for every skill: " + realmFailures + " failed. Open a skill to see them with their fixes."
          : "Checks of the realm, for every skill: none failed." }),
      skills.length === 0
        ? el("p", { text: "This realm has no Alexa skill yet." })
        : el("table", {},
          el("thead", {}, el("tr", {}, el("th", { text: "Client ID" }), el("th", { class: "optional", text: "Name" }),
            el("th", { text: "Checks of the skill" }))),
          el("tbody", {}, rows)),
      el("div", { class: "actions" },
        el("button", { type: "button", class: "primary", id: "add-skill",
          onclick: () => go("#/" + encodeURIComponent(realm) + "/+new"), text: "Add a skill" }))));
  }

  // ---- one skill
  async function showSkill(clientId, stillCurrent) {
    let skill = null;
    if (clientId !== null) {
      show(el("p", { text: "Loading skill " + clientId + "…" }));
      try {
        skill = (await api("GET", realmPath("skills", clientId))).json;
      } catch (error) {
        if (stillCurrent()) show(back(), failed(error, "Skill '" + clientId + "' cannot be shown."));
        return;
      }
      if (!stillCurrent()) return;
    }
    const outcome = el("div", { id: "outcome" });
    const results = el("div", { id: "results" });
    const form = settingsForm(skill, outcome, results);
    show(back(),
      el("h2", { id: "title", text: skill ? "Skill " + skill.clientId + (skill.name ? " (" + skill.name + ")" : "") : "Add a skill" }),
      outcome, form, results);
    if (skill) renderResults(results, skill);
  }

  function back() {
    return el("p", {}, el("a", { href: "#/" + encodeURIComponent(realm), id: "back", text: "← All skills of realm " + realm }));
  }

  function lines(text) {
    return text.split(/[\n,]/).map((v) => v.trim()).filter((v) => v !== "");
  }

  function textField(id, label, value, hint, options) {
    const input = el("input", Object.assign({ type: "text", id, name: id, value: value || "", autocomplete: "off",
      spellcheck: "false" }, options || {}));
    return [el("div", { class: "field" }, el("label", { for: id, text: label }), input,
      hint ? el("p", { class: "hint", text: hint }) : null), input];
  }

  function listField(id, label, values, hint) {
    const area = el("textarea", { id, name: id, rows: 3, spellcheck: "false" });
    area.value = (values || []).join("\n");
    return [el("div", { class: "field" }, el("label", { for: id, text: label }), area,
      el("p", { class: "hint", text: hint })), area];
  }

  function checkbox(id, label, checked, hint) {
    const box = el("input", { type: "checkbox", id, name: id, checked: !!checked });
    return [el("div", { class: "field" }, el("div", { class: "check" }, box, el("label", { for: id, text: label })),
      hint ? el("p", { class: "hint", id: id + "-hint", text: hint }) : null), box];
  }

  function settingsForm(skill, outcome, results) {
    const s = (skill && skill.settings) || { regions: REGIONS.map((r) => r[0]) };
    const [clientRow, clientInput] = textField("clientId", "Client ID", skill ? skill.clientId : "",
      skill ? "A skill's client ID does not change." : "Letters, digits, '.', '_' and '-': the client Keycloak creates for the skill.",
      skill ? { readonly: true } : {});
    const [nameRow, nameInput] = textField("name", "Name", s.name, "Shown on the consent page.");
    const [vendorRow, vendorInput] = listField("vendorIds", "Vendor IDs", s.vendorIds,
      "One a line: the vendor ID at the end of your skill's Alexa Redirect URLs, e.g. M2AAAAAAAAAAAA.");
    const regionBoxes = REGIONS.map(([id, label, host]) => {
      const box = el("input", { type: "checkbox", id: "region-" + id, value: id, checked: (s.regions || []).includes(id) });
      return [el("div", { class: "check" }, box, el("label", { for: "region-" + id, text: label + " (" + host + ")" })), box];
    });
    const regionRow = el("fieldset", { class: "field", id: "regions" }, el("legend", { class: "label", text: "Alexa regions" }),
      regionBoxes.map((r) => r[0]),
      el("p", { class: "hint", text: "The regions whose Alexa Redirect URLs the client accepts." }));
    const [scopeRow, scopeInput] = listField("scopes", "Scopes", s.scopes,
      "One a line: optional client scopes the skill asks for, e.g. profile or email. openid, offline_access, basic and acr are granted anyway.");
    const [appRow, appInput] = listField("appRedirectUris", "App redirect URLs", s.appRedirectUris,
      "One a line, only for app-to-app account linking: your app's https universal or app link.");
    const [audienceRow, audienceInput] = textField("resourceAudience", "Resource audience", s.resourceAudience,
      "Optional: an audience your skill's backend checks in the access token, e.g. https://api.example.com/skill.");
    const [pkceRow, pkceInput] = checkbox("requirePkce", "Require PKCE", s.requirePkce,
      "On: authorization requests without PKCE (S256) are refused.");
    const [languagesRow, languagesInput] = checkbox("enableLanguages", "Enable the sign-in languages", false,
      "A change to the whole realm '" + realm + "', not only this skill: turns on Internationalization (Realm settings > Localization) and adds the alexa theme's languages (" +
      LANGUAGES + ") to the realm's supported locales, keeping the ones it has and its default locale. Every sign-in page of the realm changes. Left off, the realm's localization stays as it is.");
    // The option is an action, not a stored setting: once the realm's languages are on, there is nothing to enable.
    const showLanguages = (shown) => {
      const check = shown && [...shown.diagnostics.client, ...shown.diagnostics.realm].find((c) => c.id === "languages");
      if (!check || check.status !== "PASS") return;
      languagesInput.checked = false;
      languagesInput.disabled = true;
      languagesRow.querySelector(".hint").textContent = "Already on in realm '" + realm +
        "': Internationalization is enabled and the realm supports the alexa theme's languages (" + LANGUAGES + ").";
    };
    showLanguages(skill);
    const saveButton = el("button", { type: "submit", class: "primary", id: "save", text: "Save" });
    const form = el("form", { id: "settings", novalidate: true },
      el("section", {}, el("h3", { text: "Settings" }), clientRow, nameRow, vendorRow, regionRow, scopeRow, appRow,
        audienceRow, pkceRow, languagesRow, el("div", { class: "actions" }, saveButton)));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const clientId = clientInput.value.trim();
      const body = {
        name: nameInput.value.trim() === "" ? null : nameInput.value.trim(),
        vendorIds: lines(vendorInput.value),
        regions: regionBoxes.filter((r) => r[1].checked).map((r) => r[1].value),
        scopes: lines(scopeInput.value),
        appRedirectUris: lines(appInput.value),
        resourceAudience: audienceInput.value.trim() === "" ? null : audienceInput.value.trim(),
        requirePkce: pkceInput.checked,
        enableLanguages: languagesInput.checked,
      };
      if (clientId === "") {
        outcome.replaceChildren(problemBox("Not saved.", { message: "Enter the skill's client ID.", json: {} }));
        return;
      }
      saveButton.disabled = true;
      outcome.replaceChildren(el("p", { text: "Saving…" }));
      try {
        const answer = (await api("PUT", realmPath("skills", clientId), body)).json;
        renderOutcome(outcome, answer);
        clientInput.readOnly = true;
        languagesInput.checked = false;
        showLanguages(answer);
        document.getElementById("title").textContent = "Skill " + answer.clientId;
        history.replaceState(null, "", "#/" + encodeURIComponent(realm) + "/" + encodeURIComponent(answer.clientId));
        renderResults(results, answer);
      } catch (error) {
        outcome.replaceChildren(error instanceof ApiError && error.status === 403
          ? problemBox("Not saved: you may not change skills in realm '" + realm + "'. Nothing was changed.", error)
          : failed(error, "Not saved: nothing was changed. Correct every problem below and save again."));
      } finally {
        saveButton.disabled = false;
      }
      outcome.scrollIntoView({ block: "start" });
    });
    return form;
  }

  function renderOutcome(outcome, answer) {
    const title = { created: "Skill created.", updated: "Skill updated.", unchanged: "Saved: nothing needed to change." }[answer.outcome]
      || "Saved (" + answer.outcome + ").";
    outcome.replaceChildren(el("section", { class: "outcome", id: "outcome-box", role: "status" },
      el("strong", { id: "outcome-title", text: title }),
      answer.changes.length > 0
        ? el("ul", { id: "changes" }, answer.changes.map((c) => el("li", { text: c })))
        : el("p", { text: "The client and the realm already had these settings." }),
      el("p", { text: "The Alexa console values and the diagnostics below are those of the saved skill." })));
  }

  // ---- console values, backend values, diagnostics
  function renderResults(results, skill) {
    results.replaceChildren(consoleSection(skill), backendSection(skill), diagnosticsSection(skill, results));
  }

  function copyButton(text, what) {
    const note = el("span", { class: "copied", "aria-live": "polite" });
    const button = el("button", { type: "button", "aria-label": "Copy " + what, text: "Copy", onclick: async () => {
      await copy(typeof text === "function" ? text() : text);
      note.textContent = " Copied";
      setTimeout(() => { note.textContent = ""; }, 2000);
    } });
    return el("span", {}, button, note);
  }

  async function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return;
      } catch (denied) { /* fall back below */ }
    }
    const area = el("textarea", { readonly: true });
    area.value = text;
    area.className = "offscreen";
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }

  function valueRow(id, name, value) {
    const text = Array.isArray(value) ? value.join("\n") : String(value);
    return [el("div", { class: "name", id: id + "-label", text: name }),
      el("pre", { class: "value", id, "aria-labelledby": id + "-label", text: text === "" ? "(none)" : text }),
      text === "" ? el("span") : copyButton(text, name)];
  }

  function valueRows(rows) {
    return el("div", { class: "values" }, rows.map(([id, name, value]) => valueRow(id, name, value)));
  }

  function consoleSection(skill) {
    const c = skill.alexaConsole;
    const secretValue = el("pre", { class: "value", id: "console-secret", "aria-labelledby": "console-secret-label",
      text: "Hidden: Show secret fetches it" });
    const secretActions = el("span");
    const showSecret = el("button", { type: "button", id: "show-secret", text: "Show secret", onclick: async () => {
      try {
        const secret = (await api("GET", realmPath("skills", skill.clientId, "secret"))).json.clientSecret;
        secretValue.textContent = secret || "(this client has no secret)";
        secretActions.replaceChildren(secret ? copyButton(secret, "Your Secret") : "");
      } catch (error) {
        secretValue.textContent = error.message;
      }
    } });
    secretActions.append(showSecret);
    return el("section", { id: "alexa-console" }, el("h3", { text: "Alexa developer console: Account Linking" }),
      el("p", { class: "hint", text: "Auth Code Grant. Copy each value into the field of the same name on your skill's Account Linking page." }),
      el("div", { class: "values" },
        valueRow("console-authorization-uri", "Your Web Authorization URI", c.authorizationUri),
        valueRow("console-access-token-uri", "Access Token URI", c.accessTokenUri),
        valueRow("console-client-id", "Your Client ID", c.clientId),
        el("div", { class: "name", id: "console-secret-label", text: "Your Secret" }), secretValue, secretActions,
        valueRow("console-authentication-scheme", "Your Authentication Scheme", c.authenticationScheme),
        valueRow("console-scopes", "Scope", c.scopes),
        valueRow("console-domain-list", "Domain List", c.domainList),
        valueRow("console-token-expiration", "Default Access Token Expiration Time (seconds)",
          String(c.defaultAccessTokenExpirationTime)),
        valueRow("console-redirect-urls", "Alexa Redirect URLs (registered)", c.alexaRedirectUrls)));
  }

  function backendSection(skill) {
    const b = skill.skillBackend;
    return el("section", { id: "skill-backend" }, el("h3", { text: "Your skill's backend" }),
      valueRows([
        ["backend-issuer", "Issuer", b.issuer],
        ["backend-jwks", "Keys (JWKS)", b.jwksUri],
        ["backend-userinfo", "Userinfo", b.userinfoUri],
        ["backend-introspection", "Introspection", b.introspectionUri],
        ["backend-revocation", "Revocation", b.revocationUri],
        ["backend-audiences", "Audiences in the access token", b.audiences],
        ["backend-pkce", "PKCE required", b.pkceRequired ? "yes" : "no"],
      ]));
  }

  function label(id) {
    const words = id.replace(/-/g, " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function checkItem(check, where) {
    return el("div", { class: "checkitem " + check.status, "data-check": check.id, "data-status": check.status },
      el("p", {}, el("span", { class: "status " + check.status, text: check.status }), " ",
        el("strong", { text: label(check.id) }), " ", el("span", { class: "where", text: where })),
      el("p", { class: "finding", text: check.finding }),
      check.fix ? el("p", { class: "fix" }, el("strong", { text: "Fix: " }), check.fix) : null);
  }

  function diagnosticsSection(skill, results) {
    const d = skill.diagnostics;
    const all = [
      ...d.client.map((check) => [check, "this skill"]),
      ...d.realm.map((check) => [check, "realm " + realm]),
    ];
    const of = (status) => all.filter(([check]) => check.status === status);
    const failures = of("FAIL");
    const warnings = of("WARN");
    const passes = of("PASS");
    const refresh = el("button", { type: "button", id: "refresh", text: "Check again", onclick: async () => {
      refresh.disabled = true;
      try {
        renderResults(results, (await api("GET", realmPath("skills", skill.clientId))).json);
      } catch (error) {
        results.prepend(failed(error, "The diagnostics cannot be read."));
        refresh.disabled = false;
      }
    } });
    const summary = failures.length + " failed, " + warnings.length + (warnings.length === 1 ? " warning, " : " warnings, ")
      + passes.length + " passed";
    return el("section", { id: "diagnostics" },
      el("h3", { text: "Diagnostics" }),
      el("p", { id: "diagnostics-summary" }, el("strong", { text: summary }),
        " (checked " + new Date().toLocaleTimeString() + ") ", refresh),
      failures.map(([c, w]) => checkItem(c, w)),
      warnings.map(([c, w]) => checkItem(c, w)),
      passes.length > 0
        ? el("details", { id: "passed" }, el("summary", { text: passes.length + " checks passed" }),
          passes.map(([c, w]) => checkItem(c, w)))
        : null);
  }

  // ---- start
  async function start() {
    let who;
    try {
      who = (await api("GET", "session")).json;
    } catch (error) {
      return show(failed(error, "This page cannot start."));
    }
    realms = who.realms;
    document.getElementById("user").textContent = "Signed in as " + who.user + " (" + who.adminRealm + ")";
    realmSelect.replaceChildren(...realms.map((r) => el("option", { value: r, text: r })));
    realmSelect.disabled = realms.length < 2;
    realmSelect.addEventListener("change", () => go("#/" + encodeURIComponent(realmSelect.value)));
    if (realms.length === 0) {
      return show(el("section", { class: "problem", id: "problem", role: "alert" },
        el("p", { text: "Your account " + who.user + " may not view any realm: reading skills needs the roles view-realm and view-clients." })));
    }
    window.addEventListener("hashchange", route);
    route();
  }

  start();
})();

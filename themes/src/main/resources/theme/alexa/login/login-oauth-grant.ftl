<#import "template.ftl" as layout>
<#import "alexa.ftl" as alexa>
<#-- Consent page for Alexa account linking: who asks, what Alexa may do in plain words, Allow and Deny. -->
<@alexa.pageTitle text=msg("alexaConsentPageTitle", alexa.skillName()) />
<@layout.registrationLayout bodyClass="oauth"; section>
  <#if section = "header">
    ${msg("alexaConsentTitle", alexa.skillName())}
  <#elseif section = "form">
    <@alexa.frame>
      <p class="alexa-lead" id="alexa-consent-lead">${msg("alexaConsentLead")}</p>
      <ul class="alexa-scopes" aria-labelledby="alexa-consent-lead">
        <#list oauth.clientScopesRequested as scope>
          <li>
            <#if scope.consentScreenText?has_content>${advancedMsg(scope.consentScreenText)}<#else>${scope.name}</#if>
            <#if scope.dynamicScopeParameter??>: <strong>${scope.dynamicScopeParameter}</strong></#if>
          </li>
        </#list>
      </ul>
      <#assign termsUrl = alexa.webUrl(client.attributes.tosUri!"") policyUrl = alexa.webUrl(client.attributes.policyUri!"")>
      <#if termsUrl?has_content || policyUrl?has_content>
        <p class="alexa-links">
          <#if termsUrl?has_content><a href="${termsUrl}" target="_blank" rel="noopener">${msg("alexaTerms")}</a></#if>
          <#if policyUrl?has_content><a href="${policyUrl}" target="_blank" rel="noopener">${msg("alexaPrivacy")}</a></#if>
        </p>
      </#if>
      <form class="alexa-consent-form" action="${url.oauthAction}" method="post">
        <input type="hidden" name="code" value="${oauth.code}">
        <div class="alexa-actions">
          <button class="alexa-button alexa-button-primary" name="accept" id="kc-login" type="submit">${msg("alexaAllow")}</button>
          <button class="alexa-button alexa-button-secondary" name="cancel" id="kc-cancel" type="submit">${msg("alexaDeny")}</button>
        </div>
      </form>
      <p class="alexa-hint">${msg("alexaUnlinkHint")}</p>
    </@alexa.frame>
  </#if>
</@layout.registrationLayout>

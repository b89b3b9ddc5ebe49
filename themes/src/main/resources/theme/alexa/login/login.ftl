<#import "template.ftl" as layout>
<#import "alexa-fields.ftl" as field>
<#import "alexa.ftl" as alexa>
<#import "social-providers.ftl" as identityProviders>
<#-- Sign-in page for Alexa account linking: a plain HTML form that works without JavaScript, errors shown inline. -->
<@alexa.pageTitle text=msg("alexaSignInTitle") + " – " + alexa.skillName() />
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled??; section>
  <#if section = "header">
    ${msg("alexaSignInTitle")}
  <#elseif section = "form">
    <@alexa.frame>
      <p class="alexa-lead">${msg("alexaSignInLead", alexa.skillName())}</p>
      <#if realm.password>
        <form id="kc-form-login" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
          <#if !usernameHidden??>
            <#assign usernameLabel><#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if></#assign>
            <@field.input name="username" label=usernameLabel error=messagesPerField.getFirstError('username','password')
                autofocus=true autocomplete="username" value=login.username!'' />
          </#if>
          <@field.password name="password" label=msg("password") forgotPassword=realm.resetPasswordAllowed
              autofocus=usernameHidden?? autocomplete="current-password">
            <#if realm.rememberMe && !usernameHidden??>
              <@field.checkbox name="rememberMe" label=msg("rememberMe") checked=login.rememberMe?? />
            </#if>
          </@field.password>
          <input type="hidden" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
          <div class="alexa-actions">
            <button class="alexa-button alexa-button-primary" name="login" id="kc-login" type="submit">${msg("alexaSignInButton")}</button>
          </div>
        </form>
      </#if>
      <p class="alexa-hint">${msg("alexaUnlinkHint")}</p>
    </@alexa.frame>
  <#elseif section = "socialProviders">
    <#if realm.password && social.providers?? && social.providers?has_content>
      <@identityProviders.show social=social/>
    </#if>
  <#elseif section = "info">
    <#if realm.password && realm.registrationAllowed && !registrationDisabled??>
      <div id="kc-registration"><span>${msg("noAccount")} <a href="${url.registrationUrl}">${msg("doRegister")}</a></span></div>
    </#if>
  </#if>
</@layout.registrationLayout>

<#-- Shared pieces of the Alexa pages: branding values and the branded frame around a page's content. -->

<#function skillName>
  <#if client?? && client.name?has_content><#return advancedMsg(client.name)></#if>
  <#if client??><#return client.clientId></#if>
  <#return "Alexa">
</#function>

<#function organisationName>
  <#if properties.alexaOrganisationName?has_content><#return properties.alexaOrganisationName></#if>
  <#return (realm.displayName)!realm.name>
</#function>

<#-- Only web addresses reach src and href: https or http, or a path of this server; javascript: and data: do not. -->
<#function webUrl value>
  <#if value?matches("(?i)https?://[^\\s\"'<>`]+|/[^/\\\\][^\\s\"'<>`]*")><#return value></#if>
  <#return "">
</#function>

<#function logoUrl>
  <#if client?? && client.attributes.logoUri?has_content><#return webUrl(client.attributes.logoUri)></#if>
  <#return webUrl(properties.alexaLogoUrl!"")>
</#function>

<#-- Only plain colour values reach the style attribute. -->
<#function colour value fallback>
  <#if value?matches("#[0-9a-fA-F]{3,8}|rgba?\\([0-9., %]+\\)|[a-zA-Z]+")><#return value></#if>
  <#return fallback>
</#function>

<#macro frame>
  <div class="alexa-page" style="--alexa-primary: ${colour(properties.alexaPrimaryColor!'', '#0b5cab')}; --alexa-on-primary: ${colour(properties.alexaOnPrimaryColor!'', '#ffffff')};">
    <div class="alexa-identity">
      <#if logoUrl()?has_content>
        <img class="alexa-logo" src="${logoUrl()}" alt="${skillName()}" width="56" height="56">
      </#if>
      <div>
        <p class="alexa-skill-name">${skillName()}</p>
        <p class="alexa-organisation">${msg("alexaProvidedBy", organisationName())}</p>
      </div>
    </div>
    <#nested>
  </div>
</#macro>

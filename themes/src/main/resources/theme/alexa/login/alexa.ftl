<#-- Shared pieces of the Alexa pages: branding values and the branded frame around a page's content. -->

<#-- Keycloak's own msg, kept before pageTitle (below) puts a wrapper of it in its place. -->
<#assign keycloakMsg = msg>

<#-- The page's language tag (pt-BR), and its language alone (pt); none when the realm's Internationalization is off. -->
<#function languageTags>
  <#if !(locale??)><#return []></#if>
  <#local tag = locale.currentLanguageTag>
  <#if tag?contains("-")><#return [tag, tag?keep_before("-")]></#if>
  <#return [tag]>
</#function>

<#-- A name as Keycloak resolves it: "${key}" becomes the realm's localization text (Realm settings > Localization >
     Realm overrides) of the page's language, else of the realm's default language; a key that has no text at all
     counts as no name. -->
<#function localized name>
  <#if !name?has_content><#return ""></#if>
  <#local resolved = advancedMsg(name)>
  <#if name?starts_with(r"${") && name?ends_with("}") && resolved == name?remove_beginning(r"${")?remove_ending("}")><#return ""></#if>
  <#return resolved>
</#function>

<#-- The skill's name in the page's language: the client attribute alexa.skill.name.<language tag> (alexa.skill.name.de,
     alexa.skill.name.pt-BR, or alexa.skill.name.pt for every pt-*), else the client's Name (which may be "${key}", see
     localized), else this theme's generic name in the page's language. -->
<#function skillName>
  <#if client??>
    <#list languageTags() as tag>
      <#local named = (client.attributes["alexa.skill.name." + tag])!"">
      <#if named?has_content><#return named></#if>
    </#list>
    <#local named = localized(client.name!"")>
    <#if named?has_content><#return named></#if>
  </#if>
  <#return keycloakMsg("alexaGenericSkillName")>
</#function>

<#-- The organisation in the page's language: the theme property alexaOrganisationName (ALEXA_THEME_ORGANISATION_NAME),
     else the realm's display name (Keycloak shows the realm's name when it has none: that counts as none), each of which
     may be "${key}", else this theme's generic name in the page's language. -->
<#function organisationName>
  <#local named = localized(properties.alexaOrganisationName!"")>
  <#if named?has_content><#return named></#if>
  <#if realm.displayName?has_content && realm.displayName != realm.name>
    <#local named = localized(realm.displayName)>
    <#if named?has_content><#return named></#if>
  </#if>
  <#return keycloakMsg("alexaGenericOrganisation")>
</#function>

<#-- The document title of this page, and the header's organisation. keycloak.v2 prints the variable "title" from
     Keycloak 26.6 on, and msg("loginTitle", the realm's display name) before; both say "Sign in to …" on every page.
     Called before registrationLayout: sets the first as a global variable (which hides Keycloak's) and answers the
     second through a wrapper of msg. The header (msg("loginTitleHtml", …)) names the organisation as the page does,
     unless the realm has an HTML display name of its own. -->
<#macro pageTitle text>
  <#global title = text>
  <#global alexaPageTitle = text>
  <#global msg = titledMsg>
</#macro>

<#function titledMsg key args...>
  <#if key == "loginTitle" && alexaPageTitle??><#return alexaPageTitle></#if>
  <#if key == "loginTitleHtml" && (realm.displayNameHtml!"") == (realm.displayName!"")>
    <#return organisationName()?esc?markup_string>
  </#if>
  <#switch args?size>
    <#case 0><#return keycloakMsg(key)>
    <#case 1><#return keycloakMsg(key, args[0])>
    <#case 2><#return keycloakMsg(key, args[0], args[1])>
    <#case 3><#return keycloakMsg(key, args[0], args[1], args[2])>
    <#default><#return keycloakMsg(key, args[0], args[1], args[2], args[3])>
  </#switch>
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
        <p class="alexa-organisation">${keycloakMsg("alexaProvidedBy", organisationName())}</p>
      </div>
    </div>
    <#nested>
  </div>
</#macro>

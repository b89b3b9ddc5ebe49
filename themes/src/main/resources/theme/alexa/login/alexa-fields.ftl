<#-- The sign-in form's fields. Ours rather than keycloak.v2's field.ftl, whose macros take other parameters from one
     Keycloak 26 minor to the next (26.0 has no "error" parameter); the markup uses the parent theme's classes. -->

<#macro field name label error>
  <div class="${properties.kcFormGroupClass}">
    <div class="${properties.kcFormGroupLabelClass}">
      <label for="${name}" class="${properties.kcFormLabelClass}"><span class="${properties.kcFormLabelTextClass}">${label}</span></label>
    </div>
    <#nested>
    <#if error?has_content>
      <div class="${properties.kcFormHelperTextClass}" aria-live="polite">
        <div class="${properties.kcInputHelperTextClass}">
          <div class="${properties.kcInputHelperTextItemClass} ${properties.kcError}" id="input-error-${name}">
            <span class="${properties.kcInputErrorMessageClass}">${error}</span>
          </div>
        </div>
      </div>
    </#if>
  </div>
</#macro>

<#macro input name label value error autocomplete autofocus=false>
  <@field name=name label=label error=error>
    <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
      <input id="${name}" name="${name}" value="${value}" type="text" autocomplete="${autocomplete}" <#if autofocus>autofocus</#if>
          <#if error?has_content>aria-invalid="true" aria-describedby="input-error-${name}"</#if>/>
    </span>
  </@field>
</#macro>

<#-- The parent theme's script turns the button into a show/hide toggle; without JavaScript it does nothing. -->
<#macro password name label autocomplete forgotPassword autofocus=false>
  <@field name=name label=label error="">
    <div class="${properties.kcInputGroup}">
      <div class="${properties.kcInputGroupItemClass} ${properties.kcFill}">
        <span class="${properties.kcInputClass}">
          <input id="${name}" name="${name}" value="" type="password" autocomplete="${autocomplete}" <#if autofocus>autofocus</#if>/>
        </span>
      </div>
      <div class="${properties.kcInputGroupItemClass}">
        <button class="${properties.kcFormPasswordVisibilityButtonClass}" type="button" id="${name}-show-password"
            aria-label="${msg('showPassword')}" aria-controls="${name}" data-password-toggle
            data-icon-show="${properties.kcFormPasswordVisibilityIconShow}" data-icon-hide="${properties.kcFormPasswordVisibilityIconHide}"
            data-label-show="${msg('showPassword')}" data-label-hide="${msg('hidePassword')}">
          <i class="${properties.kcFormPasswordVisibilityIconShow}" aria-hidden="true"></i>
        </button>
      </div>
    </div>
    <div class="${properties.kcFormHelperTextClass}">
      <div class="${properties.kcInputHelperTextClass}">
        <#nested>
        <#if forgotPassword>
          <div class="${properties.kcInputHelperTextItemClass}">
            <span class="${properties.kcInputHelperTextItemTextClass}"><a href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a></span>
          </div>
        </#if>
      </div>
    </div>
  </@field>
</#macro>

<#macro checkbox name label checked>
  <div class="${properties.kcCheckboxClass}">
    <label for="${name}" class="${properties.kcCheckboxClass}">
      <input class="${properties.kcCheckboxInputClass}" type="checkbox" id="${name}" name="${name}" <#if checked>checked</#if>/>
      <span class="${properties.kcCheckboxLabelClass}">${label}</span>
    </label>
  </div>
</#macro>

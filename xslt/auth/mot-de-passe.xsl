<?xml version="1.0" encoding="UTF-8"?>
<!-- /auth/mot-de-passe: "Mot de passe actuel / Nouveau mot de passe /
     Confirmation mot de passe", each broken rule next to its field. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="auth-common.xsl"/>

  <xsl:template name="title">Modifier votre mot de passe</xsl:template>

  <xsl:template name="password-field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="autocomplete"/>
    <xsl:param name="rules"/>
    <div>
      <xsl:call-template name="auth-group-class"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <label class="fr-label" for="{$name}"><xsl:value-of select="$label"/> *</label>
      <input class="fr-input" type="password" id="{$name}" name="{$name}"
             autocomplete="{$autocomplete}" required="required">
        <xsl:call-template name="auth-describedby"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      </input>
      <xsl:call-template name="auth-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <xsl:if test="$rules = '1'">
        <xsl:call-template name="auth-password-rules">
          <xsl:with-param name="min" select="/page/password-change/@min"/>
          <xsl:with-param name="max" select="/page/password-change/@max"/>
        </xsl:call-template>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template name="content">
    <xsl:variable name="pc" select="/page/password-change"/>
    <div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Modifier votre mot de passe</h1>
        <xsl:choose>
          <xsl:when test="$pc/@reason = 'expired'">
            <div class="fr-alert fr-alert--warning fr-mb-3w" role="status">
              <p>Votre mot de passe a dépassé sa durée de validité de <xsl:value-of select="$pc/@validity-days"/> jours. Vous devez le modifier pour accéder au portail.</p>
            </div>
          </xsl:when>
          <xsl:when test="$pc/@reason = 'forced'">
            <div class="fr-alert fr-alert--warning fr-mb-3w" role="status">
              <p>Vous devez modifier votre mot de passe pour accéder au portail.</p>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <p>Votre mot de passe actuel est valable jusqu'au <xsl:value-of select="$pc/@expires"/>. Le nouveau mot de passe sera valable <xsl:value-of select="$pc/@validity-days"/> jours.</p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="auth-form-errors"/>
        <form method="post" action="/auth/mot-de-passe" novalidate="novalidate">
          <xsl:call-template name="auth-csrf"/>
          <xsl:call-template name="password-field">
            <xsl:with-param name="name">password_current</xsl:with-param>
            <xsl:with-param name="label">Mot de passe actuel</xsl:with-param>
            <xsl:with-param name="autocomplete">current-password</xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="password-field">
            <xsl:with-param name="name">password_new</xsl:with-param>
            <xsl:with-param name="label">Nouveau mot de passe</xsl:with-param>
            <xsl:with-param name="autocomplete">new-password</xsl:with-param>
            <xsl:with-param name="rules">1</xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="password-field">
            <xsl:with-param name="name">password_confirm</xsl:with-param>
            <xsl:with-param name="label">Confirmation mot de passe</xsl:with-param>
            <xsl:with-param name="autocomplete">new-password</xsl:with-param>
          </xsl:call-template>
          <ul class="fr-btns-group fr-btns-group--inline">
            <li><button class="fr-btn" type="submit">Valider</button></li>
            <xsl:if test="$pc/@reason = 'voluntary'">
              <li><a class="fr-btn fr-btn--secondary" href="/declarations/">Annuler</a></li>
            </xsl:if>
          </ul>
          <p class="fr-hint-text fr-mt-2w">Les champs marqués * sont obligatoires.</p>
        </form>
      </div>
    </div>
  </xsl:template>
</xsl:stylesheet>

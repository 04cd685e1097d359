<?xml version="1.0" encoding="UTF-8"?>
<!-- /auth/mot-de-passe: "Mot de passe actuel / Nouveau mot de passe /
     Confirmation mot de passe", each broken rule next to its field. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="auth-common.xsl"/>

  <xsl:template name="title">Modifier votre mot de passe</xsl:template>

  <xsl:template name="content">
    <xsl:variable name="pc" select="/page/password-change"/>
    <h1>Modifier votre mot de passe</h1>
    <xsl:choose>
      <xsl:when test="$pc/@reason = 'expired'">
        <div class="fr-alert fr-alert--warning fr-mb-4w" role="status">
          <p>Votre mot de passe a dépassé sa durée de validité de <xsl:value-of select="$pc/@validity-days"/> jours. Vous devez le modifier pour accéder au portail.</p>
        </div>
      </xsl:when>
      <xsl:when test="$pc/@reason = 'forced'">
        <div class="fr-alert fr-alert--warning fr-mb-4w" role="status">
          <p>Vous devez modifier votre mot de passe pour accéder au portail.</p>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p>Votre mot de passe actuel est valable jusqu'au <xsl:value-of select="$pc/@expires"/>.</p>
      </xsl:otherwise>
    </xsl:choose>
    <p>Le nouveau mot de passe sera valable <xsl:value-of select="$pc/@validity-days"/> jours.</p>
    <xsl:call-template name="form-errors"/>
    <form method="post" action="/auth/mot-de-passe" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="required-legend"/>
      <xsl:call-template name="field-password">
        <xsl:with-param name="name" select="'password_current'"/>
        <xsl:with-param name="label">Mot de passe actuel</xsl:with-param>
        <xsl:with-param name="hint">Celui avec lequel vous venez de vous connecter (le mot de passe provisoire reçu par courriel, le cas échéant).</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="auth-password-rules">
        <xsl:with-param name="min" select="$pc/@min"/>
        <xsl:with-param name="max" select="$pc/@max"/>
      </xsl:call-template>
      <xsl:call-template name="field-password">
        <xsl:with-param name="name" select="'password_new'"/>
        <xsl:with-param name="label">Nouveau mot de passe</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
      </xsl:call-template>
      <xsl:call-template name="field-password">
        <xsl:with-param name="name" select="'password_confirm'"/>
        <xsl:with-param name="label">Confirmation mot de passe</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
      </xsl:call-template>
      <ul class="fr-btns-group fr-btns-group--inline fr-mt-3w">
        <li><button class="fr-btn" type="submit">Valider</button></li>
        <xsl:if test="$pc/@reason = 'voluntary'">
          <li><a class="fr-btn fr-btn--secondary" href="/declarations/">Annuler</a></li>
        </xsl:if>
      </ul>
    </form>
  </xsl:template>
</xsl:stylesheet>

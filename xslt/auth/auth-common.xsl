<?xml version="1.0" encoding="UTF-8"?>
<!-- Pieces shared by the auth views: field errors next to their field,
     form-level errors, the legal notice of the login page, the password
     rules. Included (not imported) by each view of xslt/auth/. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Errors of one field, under it, linked by aria-describedby. -->
  <xsl:template name="auth-field-errors">
    <xsl:param name="field"/>
    <xsl:for-each select="/page/errors/error[@field = $field]">
      <p class="fr-error-text" id="{$field}-error-{position()}"><xsl:value-of select="."/></p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="auth-describedby">
    <xsl:param name="field"/>
    <xsl:if test="/page/errors/error[@field = $field]">
      <xsl:attribute name="aria-describedby">
        <xsl:for-each select="/page/errors/error[@field = $field]">
          <xsl:value-of select="concat($field, '-error-', position())"/>
          <xsl:if test="position() != last()"><xsl:text> </xsl:text></xsl:if>
        </xsl:for-each>
      </xsl:attribute>
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="auth-group-class">
    <xsl:param name="field"/>
    <xsl:attribute name="class">
      <xsl:text>fr-input-group</xsl:text>
      <xsl:if test="/page/errors/error[@field = $field]"> fr-input-group--error</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <!-- Errors that belong to no field (lock, rate limit, wrong credentials). -->
  <xsl:template name="auth-form-errors">
    <xsl:if test="/page/errors/error[not(@field)]">
      <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
        <xsl:for-each select="/page/errors/error[not(@field)]">
          <p><xsl:value-of select="."/></p>
        </xsl:for-each>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="auth-csrf">
    <input type="hidden" name="csrf" value="{/page/csrf}"/>
  </xsl:template>

  <!-- The legal notice of the seeds, in our own words. -->
  <xsl:template name="auth-legal-notice">
    <div class="fr-callout fr-mb-4w">
      <p class="fr-callout__text">
        Ce service professionnel est <strong>réservé aux personnes habilitées</strong>.
        Toute personne qui y accède ou s'y maintient sans y être autorisée, ou qui tente
        d'en fausser ou d'en entraver le fonctionnement, s'expose à des poursuites au titre
        de la loi n° 88-19 du 5 janvier 1988 relative à la fraude informatique (dite loi
        Godfrain).
      </p>
      <p class="fr-callout__text">
        En vous connectant, vous vous engagez à n'utiliser les informations auxquelles vous
        accédez que pour les missions et finalités prévues par la convention signée entre
        la Caf et votre organisme.
      </p>
      <p class="fr-callout__text">
        Vos droits d'accès vous sont <strong>personnellement attribués</strong>. Pour
        garantir la confidentialité des données, <strong>ne communiquez et ne partagez
        jamais votre identifiant ni votre mot de passe</strong> : votre responsabilité
        personnelle pourrait être engagée et la convention dénoncée.
      </p>
    </div>
  </xsl:template>

  <xsl:template name="auth-password-rules">
    <xsl:param name="min" select="6"/>
    <xsl:param name="max" select="20"/>
    <div class="fr-messages-group" id="password-rules">
      <p class="fr-message">Votre mot de passe doit comporter entre <xsl:value-of select="$min"/> et <xsl:value-of select="$max"/> caractères :</p>
      <ul>
        <li>dont au moins 1 lettre minuscule ;</li>
        <li>et dont au moins 1 chiffre ;</li>
        <li>il doit être différent de votre mot de passe actuel et des 3 précédents ;</li>
        <li>il ne doit pas contenir votre adresse électronique ni être un mot de passe trop courant.</li>
      </ul>
    </div>
  </xsl:template>
</xsl:stylesheet>

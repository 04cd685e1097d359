<?xml version="1.0" encoding="UTF-8"?>
<!-- /auth/connexion: the legal notice, e-mail and password, "Mot de passe
     oublié ?", the voluntary change checkbox. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="auth-common.xsl"/>

  <xsl:template name="title">Connexion</xsl:template>

  <!-- On this page the idle expiry says how long the session lasted. -->
  <xsl:template match="notice[@kind = 'session-expired']">
    <div class="fr-alert fr-alert--warning fr-mb-4w" role="status">
      <p>Votre session a expiré après <xsl:value-of select="/page/login/@idle-minutes"/> minutes d'inactivité. Reconnectez-vous.</p>
    </div>
  </xsl:template>

  <xsl:template name="content">
    <h1>Portail Caf partenaires : l'extranet au service des partenaires</h1>
    <xsl:if test="/page/login/@logged-out = '1'">
      <div class="fr-alert fr-alert--success fr-mb-4w" role="status">
        <p>Vous êtes déconnecté. Si vous utilisez un poste partagé, fermez votre navigateur.</p>
      </div>
    </xsl:if>
    <xsl:call-template name="auth-legal-notice"/>
    <xsl:call-template name="form-errors"/>
    <form method="post" action="/auth/connexion" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <p>Merci de saisir votre adresse électronique et votre mot de passe puis de valider votre saisie.</p>
      <xsl:call-template name="required-legend"/>
      <xsl:call-template name="field-text">
        <xsl:with-param name="name" select="'email'"/>
        <xsl:with-param name="label">Votre adresse électronique</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="type" select="'email'"/>
        <xsl:with-param name="autocomplete" select="'username'"/>
        <xsl:with-param name="maxlength" select="'254'"/>
        <xsl:with-param name="spellcheck" select="'false'"/>
      </xsl:call-template>
      <xsl:call-template name="field-password">
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label">Votre mot de passe</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <p><a class="fr-link" href="/auth/mot-de-passe-oublie">Mot de passe oublié ?</a></p>
      <xsl:call-template name="field-checkbox">
        <xsl:with-param name="name" select="'maj'"/>
        <xsl:with-param name="label">Mettre à jour votre mot de passe</xsl:with-param>
        <xsl:with-param name="hint">Cochez cette case pour modifier votre mot de passe après la connexion.</xsl:with-param>
      </xsl:call-template>
      <button class="fr-btn fr-mt-3w" type="submit">Valider</button>
      <p class="fr-hint-text fr-mt-2w">Les champs marqués * sont obligatoires.</p>
    </form>
  </xsl:template>
</xsl:stylesheet>

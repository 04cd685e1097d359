<?xml version="1.0" encoding="UTF-8"?>
<!-- /auth/mentions-legales: the conditions of access, readable without signing in. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="auth-common.xsl"/>

  <xsl:template name="title">Conditions d'accès</xsl:template>

  <xsl:template name="content">
    <div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Conditions d'accès au Portail Caf partenaires</h1>
        <xsl:call-template name="auth-legal-notice"/>
        <h2>Vos identifiants</h2>
        <p>Votre identifiant est votre adresse électronique personnelle, jamais une boîte partagée. Votre mot de passe comporte entre 6 et 20 caractères, dont au moins une lettre minuscule et un chiffre ; il est valable 45 jours et ne peut reprendre aucun de vos 3 mots de passe précédents.</p>
        <p>Par mesure de sécurité, vous êtes déconnecté après 30 minutes sans activité.</p>
        <p><a class="fr-link" href="/auth/connexion">Retour à la connexion</a></p>
      </div>
    </div>
  </xsl:template>
</xsl:stylesheet>

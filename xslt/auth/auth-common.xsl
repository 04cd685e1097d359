<?xml version="1.0" encoding="UTF-8"?>
<!-- Pieces shared by the auth views: the legal notice of the login page and
     the password rules. Fields, errors and the CSRF input come from
     ../forms.xsl (through ../layout.xsl). Included by the views of xslt/auth/. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

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

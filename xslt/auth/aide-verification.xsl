<?xml version="1.0" encoding="UTF-8"?>
<!-- /auth/aide-verification: the honest alternative to the CAPTCHA image.
     There is no audio version: a spelled-out text would be read by robots
     as easily as by people, so the alternative is a person at the Caf. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="auth-common.xsl"/>

  <xsl:template name="title">Vous ne pouvez pas lire l'image ?</xsl:template>

  <xsl:template name="content">
        <h1>Vous ne pouvez pas lire l'image ?</h1>
        <p>L'image de vérification protège la réinitialisation des mots de passe contre les robots. Si vous ne pouvez pas la lire :</p>
        <ul>
          <li><a href="/auth/mot-de-passe-oublie">affichez une autre image</a> : chaque image est différente ;</li>
          <li>ou contactez votre Caf (le gestionnaire des habilitations ou le service partenaires, aux coordonnées figurant dans votre convention) : après avoir vérifié votre identité, un agent vous fera envoyer un mot de passe provisoire à l'adresse électronique de votre compte ;</li>
          <li>ou demandez à l'administrateur de votre organisme de s'adresser à la Caf pour vous.</li>
        </ul>
        <p>Il n'existe pas de version audio de cette vérification. Aucun agent de la Caf ne vous demandera jamais votre mot de passe.</p>
        <p><a class="fr-link" href="/auth/connexion">Retour à la connexion</a></p>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- /auth/mentions-legales: the conditions of access, readable without signing in. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="auth-common.xsl"/>

  <xsl:template name="title">Conditions d'accès</xsl:template>

  <xsl:template name="content">
        <h1>Conditions d'accès au Portail Caf partenaires</h1>
        <xsl:call-template name="auth-legal-notice"/>
        <h2>Vos identifiants</h2>
        <p>Votre identifiant est votre adresse électronique personnelle, jamais une boîte partagée. Votre mot de passe comporte entre 6 et 20 caractères, dont au moins une lettre minuscule et un chiffre ; il est valable 45 jours et ne peut reprendre aucun de vos 3 mots de passe précédents.</p>
        <p>Par mesure de sécurité, vous êtes déconnecté après 30 minutes sans activité.</p>
        <h2 id="donnees-personnelles">Données personnelles</h2>
        <p>Le portail traite les données nécessaires à la gestion des accès (nom, prénom, adresse électronique, téléphone professionnel) et un journal des connexions et des opérations, conservés pour la sécurité du service. Les mots de passe ne sont jamais conservés en clair. Pour exercer vos droits, adressez-vous à votre Caf.</p>
        <h2 id="accessibilite">Accessibilité</h2>
        <p>Le portail n'a pas encore fait l'objet d'un audit de conformité au RGAA : il est déclaré non conforme. Si vous ne pouvez pas accéder à un contenu ou à un service, contactez votre Caf, qui vous proposera une alternative. Pour la vérification par image du formulaire « Mot de passe oublié », voir <a href="/auth/aide-verification">l'alternative proposée</a>.</p>
        <p><a class="fr-link" href="/auth/connexion">Retour à la connexion</a></p>
  </xsl:template>
</xsl:stylesheet>

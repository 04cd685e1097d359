<?xml version="1.0" encoding="UTF-8"?>
<!-- /auth/deconnexion (GET): the confirmation before the POST that destroys
     the session. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="auth-common.xsl"/>

  <xsl:template name="title">Déconnexion</xsl:template>

  <xsl:template name="content">
        <h1>Déconnexion</h1>
        <form method="post" action="/auth/deconnexion">
          <xsl:call-template name="csrf"/>
          <p>Voulez-vous vous déconnecter ?</p>
          <ul class="fr-btns-group fr-btns-group--inline">
            <li><button class="fr-btn" type="submit">OK</button></li>
            <li><a class="fr-btn fr-btn--secondary" href="/declarations/">Annuler</a></li>
          </ul>
        </form>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Closing an account: its roles move to History, its sessions end. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Clôturer un utilisateur</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="u" select="/page/account"/>
    <h1>Clôturer le compte de <xsl:value-of select="$u/@first-name"/><xsl:text> </xsl:text><xsl:value-of select="$u/@last-name"/></h1>
    <xsl:call-template name="form-errors"/>
    <div class="fr-alert fr-alert--warning fr-mb-3w">
      <p>À la date de clôture, l'utilisateur <xsl:value-of select="$u/@login"/> ne peut plus se connecter, ses habilitations passent dans l'historique et ses appartenances aux groupes prennent fin. Une clôture à la date du jour le déconnecte immédiatement.</p>
    </div>
    <form method="post" action="/habilitations/utilisateur/{$u/@id}/cloturer">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'date_cloture'"/><xsl:with-param name="label">Date de clôture</xsl:with-param><xsl:with-param name="hint">Format attendu : JJ/MM/AAAA</xsl:with-param><xsl:with-param name="default"><xsl:call-template name="date-fr"><xsl:with-param name="date" select="/page/today"/></xsl:call-template></xsl:with-param></xsl:call-template>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><button class="fr-btn" type="submit">Clôturer le compte</button></li>
        <li><a class="fr-btn fr-btn--secondary" href="/habilitations/utilisateur/{$u/@id}">Annuler</a></li>
      </ul>
    </form>
  </xsl:template>
</xsl:stylesheet>

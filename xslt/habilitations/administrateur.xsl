<?xml version="1.0" encoding="UTF-8"?>
<!-- The partner administrator's account: an existing user of the partner,
     or a new one (identifier generated, temporary password mailed). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Administrateur partenaire</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="c" select="/page/convention"/>
    <xsl:call-template name="hab-breadcrumb">
      <xsl:with-param name="links"><xsl:call-template name="breadcrumb-link"><xsl:with-param name="href" select="concat('/habilitations/convention/', $c/@id)"/><xsl:with-param name="label">Détail de la convention</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">Administrateur partenaire</xsl:with-param>
    </xsl:call-template>
    <h1>Désigner l'administrateur partenaire</h1>
    <xsl:call-template name="form-errors"/>
    <p>Convention : <xsl:value-of select="$c/@label"/> — <xsl:value-of select="$c/@partner"/></p>
    <form method="post" action="/habilitations/convention/{$c/@id}/administrateur">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-select"><xsl:with-param name="name" select="'utilisateur'"/><xsl:with-param name="label">Un utilisateur existant</xsl:with-param><xsl:with-param name="options" select="/page/users/user"/><xsl:with-param name="placeholder">Aucun : créer le compte ci-dessous</xsl:with-param></xsl:call-template>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Ou un nouveau compte</legend>
        <div class="fr-fieldset__element"><xsl:call-template name="field-text"><xsl:with-param name="name" select="'nom'"/><xsl:with-param name="label">Nom</xsl:with-param></xsl:call-template></div>
        <div class="fr-fieldset__element"><xsl:call-template name="field-text"><xsl:with-param name="name" select="'prenom'"/><xsl:with-param name="label">Prénom</xsl:with-param></xsl:call-template></div>
        <div class="fr-fieldset__element"><xsl:call-template name="field-text"><xsl:with-param name="name" select="'email'"/><xsl:with-param name="label">Adresse mail</xsl:with-param><xsl:with-param name="type" select="'email'"/></xsl:call-template></div>
      </fieldset>
      <button class="fr-btn" type="submit">Désigner</button>
    </form>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Créer une convention d'accès with its first service (AFAS). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Créer une convention</xsl:template>
  <xsl:template name="content">
    <xsl:call-template name="hab-breadcrumb">
      <xsl:with-param name="links"><xsl:call-template name="breadcrumb-link"><xsl:with-param name="href" select="'/habilitations/conventions'"/><xsl:with-param name="label">Conventions</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">Créer une convention</xsl:with-param>
    </xsl:call-template>
    <h1>Créer une convention</h1>
    <xsl:call-template name="form-errors"/>
    <xsl:call-template name="required-legend"/>
    <form method="post" action="/habilitations/conventions/nouvelle">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-select"><xsl:with-param name="name" select="'partenaire'"/><xsl:with-param name="label">Organisme partenaire</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="options" select="/page/partners/partner"/><xsl:with-param name="default" select="/page/filters/@partenaire"/><xsl:with-param name="placeholder">Choisir</xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'libelle'"/><xsl:with-param name="label">Libellé</xsl:with-param><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'date_ouverture'"/><xsl:with-param name="label">Date d'ouverture</xsl:with-param><xsl:with-param name="hint">Format attendu : JJ/MM/AAAA</xsl:with-param><xsl:with-param name="default"><xsl:call-template name="date-fr"><xsl:with-param name="date" select="/page/today"/></xsl:call-template></xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'date_cloture'"/><xsl:with-param name="label">Date de clôture</xsl:with-param><xsl:with-param name="hint">Format attendu : JJ/MM/AAAA</xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'validee_le'"/><xsl:with-param name="label">Validée le</xsl:with-param><xsl:with-param name="hint">Format attendu : JJ/MM/AAAA ; vide tant que la convention n'est pas validée</xsl:with-param></xsl:call-template>
      <xsl:call-template name="fixed-select"><xsl:with-param name="name" select="'portee'"/><xsl:with-param name="label">Portée du service AFAS</xsl:with-param><xsl:with-param name="current"><xsl:call-template name="typed-or"><xsl:with-param name="name" select="'portee'"/><xsl:with-param name="default" select="'local'"/></xsl:call-template></xsl:with-param><xsl:with-param name="options">local|Locale;multi_caf|Multi-caf;national|Nationale</xsl:with-param><xsl:with-param name="placeholder">Choisir</xsl:with-param></xsl:call-template>
      <button class="fr-btn" type="submit">Créer la convention</button>
    </form>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Créer un équipement (EAJE, ALSH with its nature, RAM) of a convention. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Créer un équipement</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="c" select="/page/convention"/>
    <xsl:call-template name="hab-breadcrumb">
      <xsl:with-param name="links"><xsl:call-template name="breadcrumb-link"><xsl:with-param name="href" select="concat('/habilitations/convention/', $c/@id)"/><xsl:with-param name="label">Détail de la convention</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">Créer un équipement</xsl:with-param>
    </xsl:call-template>
    <h1>Créer un équipement</h1>
    <xsl:call-template name="form-errors"/>
    <p>Convention : <xsl:value-of select="$c/@label"/> — <xsl:value-of select="$c/@partner"/></p>
    <xsl:call-template name="required-legend"/>
    <form method="post" action="/habilitations/convention/{$c/@id}/equipement">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'code'"/><xsl:with-param name="label">Code</xsl:with-param><xsl:with-param name="hint">Référence de la Caf, par exemple EAJE-781-0008</xsl:with-param><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="fixed-select"><xsl:with-param name="name" select="'type'"/><xsl:with-param name="label">Type d'activité</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="current" select="/page/values/value[@name = 'type']"/><xsl:with-param name="options" select="$kinds"/><xsl:with-param name="placeholder">Choisir</xsl:with-param></xsl:call-template>
      <xsl:call-template name="fixed-select"><xsl:with-param name="name" select="'nature'"/><xsl:with-param name="label">Nature d'activité (ALSH)</xsl:with-param><xsl:with-param name="current" select="/page/values/value[@name = 'nature']"/><xsl:with-param name="options" select="$natures"/><xsl:with-param name="placeholder">Sans objet</xsl:with-param></xsl:call-template>
      <xsl:call-template name="fixed-select"><xsl:with-param name="name" select="'accueil'"/><xsl:with-param name="label">Type d'accueil (EAJE)</xsl:with-param><xsl:with-param name="current" select="/page/values/value[@name = 'accueil']"/><xsl:with-param name="options">collectif|Collectif;familial|Familial;parental|Parental</xsl:with-param><xsl:with-param name="placeholder">Sans objet</xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'nom'"/><xsl:with-param name="label">Nom</xsl:with-param><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'departement'"/><xsl:with-param name="label">Département</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="default" select="$c/@department"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'places'"/><xsl:with-param name="label">Places agréées</xsl:with-param><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'date_ouverture'"/><xsl:with-param name="label">Date d'ouverture</xsl:with-param><xsl:with-param name="hint">Format attendu : JJ/MM/AAAA</xsl:with-param><xsl:with-param name="default"><xsl:call-template name="date-fr"><xsl:with-param name="date" select="/page/today"/></xsl:call-template></xsl:with-param></xsl:call-template>
      <button class="fr-btn" type="submit">Créer l'équipement</button>
    </form>
  </xsl:template>
</xsl:stylesheet>

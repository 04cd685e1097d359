<?xml version="1.0" encoding="UTF-8"?>
<!-- Organismes partenaires of the Caf, and the form to create one. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Organismes partenaires</xsl:template>
  <xsl:template name="content">
    <xsl:call-template name="hab-breadcrumb"><xsl:with-param name="current">Organismes partenaires</xsl:with-param></xsl:call-template>
    <h1>Organismes partenaires</h1>
    <xsl:call-template name="form-errors"/>
    <xsl:call-template name="data-table">
      <xsl:with-param name="caption">Organismes partenaires (<xsl:value-of select="count(/page/partners/partner)"/>)</xsl:with-param>
      <xsl:with-param name="id" select="'partenaires'"/>
      <xsl:with-param name="head"><th scope="col">Nom</th><th scope="col">Type</th><th scope="col">Commune</th><th scope="col">Convention</th></xsl:with-param>
      <xsl:with-param name="rows">
        <xsl:for-each select="/page/partners/partner">
          <tr><td><xsl:value-of select="@name"/></td><td><xsl:value-of select="@type"/></td><td><xsl:value-of select="@city"/></td>
            <td><xsl:choose>
              <xsl:when test="@convention-id"><a href="/habilitations/convention/{@convention-id}">Détail de la convention</a></xsl:when>
              <xsl:otherwise><a href="/habilitations/conventions/nouvelle?partenaire={@id}">Créer la convention</a></xsl:otherwise>
            </xsl:choose></td></tr>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <h2>Créer un organisme partenaire</h2>
    <xsl:call-template name="required-legend"/>
    <form method="post" action="/habilitations/partenaires">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-select"><xsl:with-param name="name" select="'type'"/><xsl:with-param name="label">Type d'organisme</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="options" select="/page/partner-types/type"/><xsl:with-param name="placeholder">Choisir</xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'nom'"/><xsl:with-param name="label">Nom</xsl:with-param><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'siret'"/><xsl:with-param name="label">SIRET</xsl:with-param><xsl:with-param name="hint">14 chiffres</xsl:with-param><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'adresse'"/><xsl:with-param name="label">Adresse</xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'code_postal'"/><xsl:with-param name="label">Code postal</xsl:with-param><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'ville'"/><xsl:with-param name="label">Commune</xsl:with-param></xsl:call-template>
      <button class="fr-btn" type="submit">Créer l'organisme</button>
    </form>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Supervision habilitations: every facility of the Caf with its holders
     today and the roles nobody holds. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Supervision habilitations</xsl:template>
  <xsl:template name="wide">yes</xsl:template>
  <xsl:template name="content">
    <xsl:call-template name="hab-breadcrumb"><xsl:with-param name="current">Supervision habilitations</xsl:with-param></xsl:call-template>
    <h1>Supervision habilitations</h1>
    <form method="get" action="/habilitations/supervision" class="fr-mb-3w">
      <xsl:call-template name="field-checkbox"><xsl:with-param name="name" select="'manquants'"/><xsl:with-param name="label">Seulement les équipements auxquels il manque un rôle</xsl:with-param><xsl:with-param name="checked" select="/page/filters/@manquants = '1'"/></xsl:call-template>
      <button class="fr-btn fr-btn--secondary" type="submit">Afficher</button>
    </form>
    <xsl:call-template name="data-table">
      <xsl:with-param name="caption">Équipements (<xsl:value-of select="count(/page/facilities/facility)"/>)</xsl:with-param>
      <xsl:with-param name="id" select="'supervision'"/>
      <xsl:with-param name="head"><th scope="col">Partenaire</th><th scope="col">Équipement/service</th><th scope="col">Habilitations en cours</th><th scope="col">Rôles non attribués</th></xsl:with-param>
      <xsl:with-param name="rows">
        <xsl:for-each select="/page/facilities/facility">
          <tr>
            <td><xsl:value-of select="@partner"/></td>
            <td><xsl:value-of select="@name"/> (<xsl:value-of select="@kind"/>)</td>
            <td><ul><xsl:for-each select="holder"><li><xsl:value-of select="@role"/> : <xsl:value-of select="@name"/><xsl:if test="@validation = 'pending'">*</xsl:if></li></xsl:for-each></ul></td>
            <td class="hab-missing"><xsl:for-each select="missing"><xsl:value-of select="."/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each></td>
          </tr>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <p class="fr-text--sm">(*) En attente de validation par la Caf.</p>
  </xsl:template>
</xsl:stylesheet>

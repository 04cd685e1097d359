<?xml version="1.0" encoding="UTF-8"?>
<!-- Fiche 11: Rechercher une déclaration. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title">Rechercher une déclaration</xsl:template>

  <xsl:template name="content">
    <h1>Rechercher une déclaration</h1>
    <p><a href="/declarations/recherche-equipement">Rechercher un équipement</a></p>
    <xsl:call-template name="form-errors"/>
    <form method="get" action="/declarations/recherche">
      <input type="hidden" name="rechercher" value="1"/>
      <xsl:call-template name="field-text">
        <xsl:with-param name="name" select="'exercice'"/>
        <xsl:with-param name="label">Exercice</xsl:with-param>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:call-template name="field-text">
        <xsl:with-param name="name" select="'equipement'"/>
        <xsl:with-param name="label">Nom de l'équipement</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-select">
        <xsl:with-param name="name" select="'etat'"/>
        <xsl:with-param name="label">État de la déclaration</xsl:with-param>
        <xsl:with-param name="options" select="/page/options/state"/>
        <xsl:with-param name="placeholder">Tous les états</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-select">
        <xsl:with-param name="name" select="'type'"/>
        <xsl:with-param name="label">Type de déclaration</xsl:with-param>
        <xsl:with-param name="options" select="/page/options/type"/>
        <xsl:with-param name="placeholder">Tous les types</xsl:with-param>
      </xsl:call-template>
      <button class="fr-btn" type="submit">Rechercher</button>
    </form>
    <xsl:if test="/page/results">
      <div class="fr-table fr-mt-3w"><table>
        <caption><xsl:value-of select="/page/results/@count"/> déclaration(s)</caption>
        <thead><tr><th scope="col">Exercice</th><th scope="col">Type de déclaration</th><th scope="col">Nom de l'équipement</th><th scope="col">État de la déclaration</th><th scope="col">Accès</th></tr></thead>
        <tbody>
          <xsl:for-each select="/page/results/declaration">
            <tr><td><xsl:value-of select="@year"/></td><td><xsl:value-of select="@type-label"/></td><td><xsl:value-of select="@facility"/></td><td><xsl:value-of select="@state-label"/></td>
              <td><a class="fr-btn fr-btn--sm" href="{@href}">Accéder<span class="fr-sr-only"> à la déclaration <xsl:value-of select="@type-label"/><xsl:text> </xsl:text><xsl:value-of select="@year"/> de <xsl:value-of select="@facility"/></span></a></td></tr>
          </xsl:for-each>
        </tbody>
      </table></div>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Fiche 11: Rechercher un équipement. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title">Rechercher un équipement</xsl:template>

  <xsl:template name="content">
    <h1>Rechercher un équipement</h1>
    <p><a href="/declarations/recherche">Rechercher une déclaration</a></p>
    <form method="get" action="/declarations/recherche-equipement">
      <input type="hidden" name="rechercher" value="1"/>
      <xsl:call-template name="field-text">
        <xsl:with-param name="name" select="'nom'"/>
        <xsl:with-param name="label">Nom de l'équipement</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-text">
        <xsl:with-param name="name" select="'commune'"/>
        <xsl:with-param name="label">Commune</xsl:with-param>
      </xsl:call-template>
      <button class="fr-btn" type="submit">Rechercher</button>
    </form>
    <xsl:if test="/page/results">
      <div class="fr-table fr-mt-3w"><table>
        <caption><xsl:value-of select="/page/results/@count"/> équipement(s)</caption>
        <thead><tr><th scope="col">Nom de l'équipement</th><th scope="col">Code postal</th><th scope="col">Commune</th><th scope="col">Nombre de déclarations à traiter</th><th scope="col">Accès</th></tr></thead>
        <tbody>
          <xsl:for-each select="/page/results/facility">
            <tr><td><xsl:value-of select="@name"/></td><td><xsl:value-of select="@postal-code"/></td><td><xsl:value-of select="@city"/></td><td><xsl:value-of select="@to-process"/></td>
              <td><a class="fr-btn fr-btn--sm" href="/declarations/equipement/{@id}">Détail<span class="fr-sr-only"> de <xsl:value-of select="@name"/></span></a></td></tr>
          </xsl:for-each>
        </tbody>
      </table></div>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

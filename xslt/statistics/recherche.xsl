<?xml version="1.0" encoding="UTF-8"?>
<!-- Fiche 12: Consulter les statistiques — search by name, city and fiscal
     year; one row per facility with a button to its statistics. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title">Consulter les statistiques</xsl:template>

  <xsl:template name="content">
    <h1>Consulter les statistiques</h1>
    <xsl:call-template name="form-errors"/>
    <p>Comparez l'activité et les données financières de vos équipements avec les moyennes départementales et nationales. Les critères de recherche se cumulent.</p>
    <form method="get" action="/statistiques/">
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-4">
          <xsl:call-template name="field-text">
            <xsl:with-param name="name" select="'nom'"/>
            <xsl:with-param name="label">Nom de l'équipement</xsl:with-param>
            <xsl:with-param name="type" select="'search'"/>
          </xsl:call-template>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <xsl:call-template name="field-text">
            <xsl:with-param name="name" select="'commune'"/>
            <xsl:with-param name="label">Commune</xsl:with-param>
            <xsl:with-param name="type" select="'search'"/>
          </xsl:call-template>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <xsl:call-template name="field-select">
            <xsl:with-param name="name" select="'exercice'"/>
            <xsl:with-param name="label">Exercice</xsl:with-param>
            <xsl:with-param name="options" select="/page/years/year"/>
            <xsl:with-param name="placeholder">Tous les exercices</xsl:with-param>
          </xsl:call-template>
        </div>
      </div>
      <button class="fr-btn" type="submit">Rechercher</button>
    </form>
    <xsl:if test="/page/can-publish">
      <p class="fr-mt-2w"><a class="fr-link" href="/statistiques/publier">Publier les moyennes d'un exercice</a></p>
    </xsl:if>
    <xsl:apply-templates select="/page/results"/>
  </xsl:template>

  <xsl:template match="results">
    <xsl:variable name="year" select="@year"/>
    <div class="fr-table fr-mt-4w">
      <table>
        <caption>
          <xsl:choose>
            <xsl:when test="@count = 0">Aucun équipement</xsl:when>
            <xsl:when test="@count = 1">1 équipement</xsl:when>
            <xsl:otherwise><xsl:value-of select="@count"/> équipements</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$year"> ayant une déclaration réelle validée par la Caf pour l'exercice <xsl:value-of select="$year"/></xsl:if>
        </caption>
        <thead>
          <tr>
            <th scope="col">Nom de l'équipement</th>
            <th scope="col">Type</th>
            <th scope="col">Commune</th>
            <th scope="col">Gestionnaire</th>
            <xsl:if test="$year"><th scope="col">Moyennes <xsl:value-of select="$year"/></th></xsl:if>
            <th scope="col">Accès</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="facility">
            <tr>
              <td><xsl:value-of select="@name"/></td>
              <td><xsl:value-of select="@kind"/></td>
              <td><xsl:value-of select="@postal-code"/><xsl:text> </xsl:text><xsl:value-of select="@city"/></td>
              <td><xsl:value-of select="@partner"/></td>
              <xsl:if test="$year">
                <td>
                  <xsl:choose>
                    <xsl:when test="@averages = '1'">Publiées</xsl:when>
                    <xsl:otherwise>Non disponibles</xsl:otherwise>
                  </xsl:choose>
                </td>
              </xsl:if>
              <td>
                <a class="fr-btn fr-btn--sm">
                  <xsl:attribute name="href">
                    <xsl:text>/statistiques/equipement/</xsl:text><xsl:value-of select="@id"/>
                    <xsl:if test="$year">?exercice=<xsl:value-of select="$year"/></xsl:if>
                  </xsl:attribute>
                  <xsl:text>Statistiques</xsl:text><span class="fr-sr-only"> de <xsl:value-of select="@name"/></span>
                </a>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:if test="@more">
      <p>Seuls les 200 premiers équipements sont affichés : précisez le nom ou la commune.</p>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

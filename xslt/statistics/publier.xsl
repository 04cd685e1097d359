<?xml version="1.0" encoding="UTF-8"?>
<!-- A Caf administrator publishes a fiscal year's departmental and national
     averages (the same computation as `portal-admin stats publish`). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title">Publier les moyennes</xsl:template>

  <xsl:template name="content">
    <xsl:call-template name="breadcrumb">
      <xsl:with-param name="links">
        <xsl:call-template name="breadcrumb-link">
          <xsl:with-param name="href" select="'/statistiques/'"/>
          <xsl:with-param name="label">Consulter les statistiques</xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="current">Publier les moyennes</xsl:with-param>
    </xsl:call-template>
    <h1>Publier les moyennes départementales et nationales</h1>
    <p>La publication calcule, pour l'exercice choisi et chaque type d'équipement (EAJE, relais, accueils de loisirs), la moyenne et la médiane de chaque indicateur par département et pour la France entière, à partir des seules déclarations réelles validées par la Caf. Tous les EAJE sont pris en compte, quel que soit leur type d'accueil (collectif, familial ou parental).</p>
    <p>Publier à nouveau un exercice remplace ses moyennes. Tant qu'un exercice n'est pas publié, aucune moyenne n'est affichée aux partenaires : les données nationales d'un exercice N sont en principe publiées en mars N+2, après le traitement de tous les équipements.</p>
    <div class="fr-table">
      <table>
        <caption>Exercices ayant des déclarations réelles validées</caption>
        <thead>
          <tr><th scope="col">Exercice</th><th scope="col">Dernière publication</th><th scope="col">Déclarations prises en compte</th><th scope="col">Action</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="/page/years/year">
            <tr>
              <td><xsl:value-of select="@value"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@published-on"><xsl:value-of select="@published-on"/></xsl:when>
                  <xsl:otherwise>Non publié</xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:value-of select="@declarations"/></td>
              <td>
                <form method="post" action="/statistiques/publier">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="exercice" value="{@value}"/>
                  <button class="fr-btn fr-btn--sm" type="submit">
                    <xsl:choose>
                      <xsl:when test="@published-on">Publier à nouveau</xsl:when>
                      <xsl:otherwise>Publier</xsl:otherwise>
                    </xsl:choose>
                    <span class="fr-sr-only"> l'exercice <xsl:value-of select="@value"/></span>
                  </button>
                </form>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Fiche 12: a facility's statistics for a fiscal year. Two tabs (activity,
     financial) that are two URLs, so they work without JavaScript; the
     table of indicators (facility, department and nation, mean and median);
     a bar chart per indicator drawn in SVG with its title, its description
     and the table beside it; the definitions in the help. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:svg="http://www.w3.org/2000/svg" exclude-result-prefixes="svg">
  <xsl:import href="../layout.xsl"/>

  <xsl:variable name="f" select="/page/facility"/>
  <xsl:variable name="s" select="/page/statistics"/>
  <xsl:variable name="base" select="concat('/statistiques/equipement/', $f/@id)"/>

  <xsl:template name="title">Statistiques <xsl:value-of select="$s/@year"/> — <xsl:value-of select="$f/@name"/></xsl:template>
  <xsl:template name="wide">yes</xsl:template>

  <xsl:template name="content">
    <xsl:call-template name="breadcrumb">
      <xsl:with-param name="links">
        <xsl:call-template name="breadcrumb-link">
          <xsl:with-param name="href" select="'/statistiques/'"/>
          <xsl:with-param name="label">Consulter les statistiques</xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="current"><xsl:value-of select="$f/@name"/></xsl:with-param>
    </xsl:call-template>
    <h1>Statistiques de l'exercice <xsl:value-of select="$s/@year"/> — <xsl:value-of select="$f/@name"/></h1>
    <p>
      <xsl:value-of select="$f/@kind-label"/><br/>
      <xsl:value-of select="$f/@postal-code"/><xsl:text> </xsl:text><xsl:value-of select="$f/@city"/>
      <xsl:text> (département </xsl:text><xsl:value-of select="$f/@department"/><xsl:text>) — Gestionnaire : </xsl:text>
      <xsl:value-of select="$f/@partner"/>
    </p>

    <form method="get" action="{$base}" class="fr-mb-3w">
      <input type="hidden" name="onglet" value="{$s/@tab}"/>
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-col-12 fr-col-md-4">
          <xsl:call-template name="field-select">
            <xsl:with-param name="name" select="'exercice'"/>
            <xsl:with-param name="label">Exercice</xsl:with-param>
            <xsl:with-param name="options" select="/page/years/year"/>
            <xsl:with-param name="placeholder" select="''"/>
          </xsl:call-template>
        </div>
        <div class="fr-col-12 fr-col-md-4 fr-mb-3w">
          <button class="fr-btn fr-btn--secondary" type="submit">Afficher l'exercice</button>
        </div>
      </div>
    </form>

    <xsl:if test="$s/@published-on">
      <p>Moyennes de l'exercice <xsl:value-of select="$s/@year"/> publiées le <xsl:value-of select="$s/@published-on"/>.</p>
    </xsl:if>

    <xsl:choose>
      <xsl:when test="$s/@available = '1'">
        <!-- The same for whoever may see the facility: the worker keeps it
             under the declaration, tab, publication, kind and department
             (stats_page.c). -->
        <xsl:call-template name="kept-part-start"/>
        <xsl:if test="not(/page/fragment/@cached = '1')">
          <xsl:call-template name="tabs"/>
          <xsl:call-template name="table"/>
          <p class="fr-mt-2w">
            <a class="fr-link fr-icon-download-line fr-link--icon-left" href="{$base}/export.csv?exercice={$s/@year}" download="">
            Télécharger le tableau de l'exercice <xsl:value-of select="$s/@year"/> (CSV, activité et financier)
          </a>
          </p>
          <xsl:call-template name="charts"/>
          <xsl:call-template name="help"/>
          <xsl:call-template name="kept-part-end"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <div class="fr-alert fr-alert--info fr-mb-3w" id="statistiques-indisponibles">
          <h2 class="fr-alert__title">Pas de statistiques pour l'exercice <xsl:value-of select="$s/@year"/></h2>
          <xsl:for-each select="$s/missing">
            <p data-reason="{@reason}"><xsl:value-of select="."/></p>
          </xsl:for-each>
          <p>Un équipement dispose de son tableau de statistiques pour un exercice lorsqu'il a une déclaration réelle validée par la Caf pour cet exercice et que la moyenne nationale ou la moyenne départementale de cet exercice est publiée.</p>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The two tabs are links (aria-current on the shown one). -->
  <xsl:template name="tabs">
    <nav aria-label="Onglets des statistiques" class="fr-mb-3w">
      <ul class="fr-btns-group fr-btns-group--inline">
        <xsl:call-template name="tab">
          <xsl:with-param name="key" select="'activite'"/>
          <xsl:with-param name="label">Données d'activité</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tab">
          <xsl:with-param name="key" select="'financier'"/>
          <xsl:with-param name="label">Données financières</xsl:with-param>
        </xsl:call-template>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template name="tab">
    <xsl:param name="key"/>
    <xsl:param name="label"/>
    <li>
      <a href="{$base}?exercice={$s/@year}&amp;onglet={$key}">
        <xsl:choose>
          <xsl:when test="$s/@tab = $key">
            <xsl:attribute name="class">fr-btn</xsl:attribute>
            <xsl:attribute name="aria-current">page</xsl:attribute>
          </xsl:when>
          <xsl:otherwise><xsl:attribute name="class">fr-btn fr-btn--secondary</xsl:attribute></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <xsl:template name="tab-title">
    <xsl:choose>
      <xsl:when test="$s/@tab = 'financier'">Statistiques relatives aux données financières</xsl:when>
      <xsl:otherwise>Statistiques relatives aux données d'activité</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A published figure, or why there is none. -->
  <xsl:template name="ref">
    <xsl:param name="r"/>
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="$r/@status = 'ok'"><xsl:value-of select="$value"/></xsl:when>
      <xsl:when test="$r/@status = 'secret'"><abbr title="secret statistique : moins de {$s/@min-facilities} équipements">s.s.</abbr></xsl:when>
      <xsl:otherwise><span aria-hidden="true">—</span><span class="fr-sr-only">non publiée</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="table">
    <h2><xsl:call-template name="tab-title"/></h2>
    <div class="fr-table fr-table--bordered" id="tableau-statistiques">
      <table>
        <caption class="fr-sr-only"><xsl:call-template name="tab-title"/>, exercice <xsl:value-of select="$s/@year"/></caption>
        <thead>
          <tr>
            <th scope="col" rowspan="2">Indicateur</th>
            <th scope="col" rowspan="2">Équipement</th>
            <th scope="colgroup" colspan="2">Département <xsl:value-of select="$f/@department"/></th>
            <th scope="colgroup" colspan="2">France entière</th>
          </tr>
          <tr>
            <th scope="col">Moyenne</th><th scope="col">Médiane</th>
            <th scope="col">Moyenne</th><th scope="col">Médiane</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$s/indicator">
            <tr data-indicator="{@code}">
              <th scope="row"><a href="#def-{@code}"><xsl:value-of select="@label"/></a></th>
              <td><xsl:value-of select="facility/@display"/></td>
              <td><xsl:call-template name="ref"><xsl:with-param name="r" select="department"/><xsl:with-param name="value" select="department/@mean-display"/></xsl:call-template></td>
              <td><xsl:call-template name="ref"><xsl:with-param name="r" select="department"/><xsl:with-param name="value" select="department/@median-display"/></xsl:call-template></td>
              <td><xsl:call-template name="ref"><xsl:with-param name="r" select="national"/><xsl:with-param name="value" select="national/@mean-display"/></xsl:call-template></td>
              <td><xsl:call-template name="ref"><xsl:with-param name="r" select="national"/><xsl:with-param name="value" select="national/@median-display"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- One horizontal bar chart per indicator: the facility, the
       departmental mean, the national mean, each bar a label, a rect and
       its value; the page gives each bar's width (@bar: 200 px for the
       largest value, 0 when absent), where its words start (@text-x) and
       the words (@display of the facility, @chart-text of a mean). The
       labels' and values' common look is set once on their group. -->
  <xsl:template name="charts">
    <h2>Graphiques</h2>
    <p>Chaque graphique compare la valeur de l'équipement aux moyennes départementale et nationale ; le tableau à côté en donne les valeurs.</p>
    <xsl:for-each select="$s/indicator">
      <xsl:variable name="id" select="concat('graphique-', @code)"/>
      <xsl:variable name="fv" select="string(facility/@display)"/>
      <xsl:variable name="dv" select="string(department/@chart-text)"/>
      <xsl:variable name="nv" select="string(national/@chart-text)"/>
      <h3 class="fr-h6 fr-mb-1w"><xsl:value-of select="@label"/></h3>
      <div class="fr-grid-row fr-grid-row--gutters fr-mb-3w" id="{$id}">
        <div class="fr-col-12 fr-col-md-7">
          <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 480 120" width="100%"
               aria-labelledby="{$id}-titre {$id}-desc" focusable="false">
            <title id="{$id}-titre"><xsl:value-of select="@label"/> : équipement, moyenne départementale et moyenne nationale</title>
            <desc id="{$id}-desc">
              <xsl:value-of select="concat('Équipement : ', $fv, ' ; moyenne du département ', $f/@department, ' : ', $dv, ' ; moyenne nationale : ', $nv, '.')"/>
            </desc>
            <rect x="130" y="8" width="{facility/@bar}" height="28" fill="#000091"/>
            <rect x="130" y="45" width="{department/@bar}" height="28" fill="#6a6af4"/>
            <rect x="130" y="82" width="{national/@bar}" height="28" fill="#3a3a3a"/>
            <g font-size="13" fill="#161616">
              <text x="0" y="27">Équipement</text>
              <text x="{facility/@text-x}" y="27"><xsl:value-of select="$fv"/></text>
              <text x="0" y="64">Département <xsl:value-of select="$f/@department"/></text>
              <text x="{department/@text-x}" y="64"><xsl:value-of select="$dv"/></text>
              <text x="0" y="101">France entière</text>
              <text x="{national/@text-x}" y="101"><xsl:value-of select="$nv"/></text>
            </g>
          </svg>
        </div>
        <div class="fr-col-12 fr-col-md-5">
          <div class="fr-table fr-table--no-caption fr-mb-0">
            <table>
              <caption><xsl:value-of select="@label"/></caption>
              <thead><tr><th scope="col"><xsl:value-of select="@label"/></th><th scope="col">Valeur</th></tr></thead>
              <tbody>
                <tr><th scope="row">Équipement</th><td><xsl:value-of select="$fv"/></td></tr>
                <tr><th scope="row">Moyenne du département <xsl:value-of select="$f/@department"/></th><td><xsl:value-of select="$dv"/></td></tr>
                <tr><th scope="row">Moyenne nationale</th><td><xsl:value-of select="$nv"/></td></tr>
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="help">
    <h2 id="aide">Aide : définitions des indicateurs</h2>
    <dl>
      <xsl:for-each select="$s/indicator">
        <dt id="def-{@code}"><strong><xsl:value-of select="@label"/></strong></dt>
        <dd class="fr-mb-2w"><xsl:value-of select="definition"/></dd>
      </xsl:for-each>
      <dt><strong>Moyenne et médiane</strong></dt>
      <dd class="fr-mb-2w">La moyenne est celle des valeurs de l'indicateur des équipements du même type (du département, ou de la France entière) ; la médiane est la valeur qui les partage en deux moitiés, moins sensible aux valeurs extrêmes. Seuls les équipements dont l'indicateur est calculable sont comptés.</dd>
      <dt><strong>Données prises en compte</strong></dt>
      <dd class="fr-mb-2w">Seules les déclarations réelles transmises et validées par la Caf apparaissent dans ces statistiques. Les statistiques des EAJE reprennent tous les établissements, quel que soit le type d'accueil (collectif, familial ou parental). Les moyennes nationales et départementales d'un exercice sont publiées après le traitement de tous les équipements de la branche Famille, en mars de l'année N+2.</dd>
      <dt><strong>Non calculable</strong></dt>
      <dd class="fr-mb-2w">L'indicateur demande une division par une valeur nulle ou absente de la déclaration (par exemple zéro place ou zéro heure).</dd>
      <dt><strong>Secret statistique (s.s.)</strong></dt>
      <dd class="fr-mb-2w">Une moyenne n'est publiée que si elle porte sur au moins <xsl:value-of select="$s/@min-facilities"/> équipements, pour ne pas révéler les données d'un gestionnaire.</dd>
    </dl>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Pieces shared by the declarations views: facility header, the rail
     ("chemin de fer"), the red banner of missing essential data, the
     read-only notice and the two versions of a save conflict. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="decl-header">
    <xsl:variable name="d" select="/page/declaration"/>
    <p class="fr-text--sm fr-mb-1w">
      <a href="/declarations/equipement/{/page/facility/@id}">Retour à l'équipement</a>
    </p>
    <h1 class="fr-h3">
      <xsl:value-of select="/page/facility/name"/>
      <xsl:text> — déclaration </xsl:text>
      <xsl:value-of select="translate($d/@type-label, 'PAR', 'par')"/>
      <xsl:text> </xsl:text><xsl:value-of select="$d/@year"/>
    </h1>
    <p>
      <span class="fr-badge fr-badge--info" data-state="{$d/@state}"><xsl:value-of select="$d/@state-label"/></span>
      <xsl:if test="$d/@version &gt; 1"> <span class="fr-badge">Version <xsl:value-of select="$d/@version"/></span></xsl:if>
    </p>
    <!-- The Caf's rejection: of this version, or, on a correction, of the
         version it corrects (what to correct). -->
    <xsl:for-each select="$d/rejection">
      <div class="fr-alert fr-alert--warning fr-mb-2w" id="rejet">
        <h2 class="fr-alert__title">Motif du rejet par la Caf</h2>
        <p>
          <xsl:text>Rejetée par la Caf</xsl:text>
          <xsl:if test="@on"> le <xsl:value-of select="@on"/></xsl:if>
          <xsl:if test="@version != $d/@version"> (version <xsl:value-of select="@version"/>, que cette version corrige)</xsl:if>
          <xsl:text> : </xsl:text>
          <xsl:value-of select="."/>
        </p>
      </div>
    </xsl:for-each>
    <xsl:call-template name="rail"/>
  </xsl:template>

  <xsl:template name="rail">
    <nav class="decl-rail fr-mb-3w" aria-label="Étapes de la déclaration">
      <ol class="fr-raw-list decl-rail__steps">
        <xsl:for-each select="/page/rail/step">
          <li class="decl-rail__step" data-step="{@n}">
            <xsl:if test="@current"><xsl:attribute name="aria-current">step</xsl:attribute></xsl:if>
            <xsl:choose>
              <xsl:when test="@current"><strong><xsl:value-of select="@n"/>. <xsl:value-of select="."/></strong> <span class="fr-sr-only"> (étape en cours)</span></xsl:when>
              <xsl:when test="@not-applicable"><span><xsl:value-of select="@n"/>. <xsl:value-of select="."/> (sans objet)</span></xsl:when>
              <xsl:when test="@closed"><span><xsl:value-of select="@n"/>. <xsl:value-of select="."/></span></xsl:when>
              <xsl:otherwise><a href="{@href}"><xsl:value-of select="@n"/>. <xsl:value-of select="."/></a></xsl:otherwise>
            </xsl:choose>
            <xsl:if test="@done and not(@current)"> <span class="fr-badge fr-badge--success fr-badge--sm">fait</span></xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template name="decl-notices">
    <xsl:if test="/page/readonly">
      <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w"><p><xsl:value-of select="/page/readonly"/></p></div>
    </xsl:if>
    <xsl:if test="/page/restored">
      <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
        <p>Votre session avait expiré : les valeurs que vous aviez saisies ont été conservées. Vérifiez-les puis enregistrez.</p>
      </div>
    </xsl:if>
    <xsl:if test="/page/missing-essential">
      <div class="fr-alert fr-alert--error fr-mb-2w" role="alert">
        <h2 class="fr-alert__title">Des données essentielles n'ont pas été renseignées</h2>
        <p>Vous ne pouvez pas accéder à l'étape suivante tant que ces données manquent :</p>
        <ul>
          <xsl:for-each select="/page/missing-essential/field">
            <li><a href="#f-{@code}"><xsl:value-of select="."/></a></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
    <xsl:if test="/page/conflict">
      <div class="fr-alert fr-alert--warning fr-mb-2w">
        <h2 class="fr-alert__title">Deux versions de ces données</h2>
        <table class="fr-table">
          <caption class="fr-sr-only">Comparaison de votre saisie avec la version enregistrée</caption>
          <thead><tr><th scope="col">Donnée</th><th scope="col">Votre saisie</th><th scope="col">Version enregistrée par l'autre personne</th></tr></thead>
          <tbody>
            <xsl:for-each select="/page/conflict/field">
              <tr><td><xsl:value-of select="@label"/></td><td><xsl:value-of select="@mine"/></td><td><xsl:value-of select="@theirs"/></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="decl-estimate">
    <xsl:variable name="e" select="/page/estimate"/>
    <xsl:if test="$e">
      <div class="fr-callout fr-mb-3w">
        <h2 class="fr-callout__title">Estimation du droit</h2>
        <xsl:choose>
          <xsl:when test="$e/@status = 'ok'">
            <p class="fr-callout__text">Prestation de service estimée : <strong class="decl-estimate"><xsl:value-of select="$e/@amount"/> €</strong></p>
            <p class="fr-text--sm">Prix plafond retenu : <xsl:value-of select="$e/@ceiling"/> € ; coût unitaire : <xsl:value-of select="$e/@unit-cost"/> €<xsl:if test="$e/@invoicing-rate"> ; taux de facturation : <xsl:value-of select="$e/@invoicing-rate"/> %</xsl:if>. L'estimation est indicative : le montant est fixé par la Caf.</p>
          </xsl:when>
          <xsl:when test="$e/@status = 'missing-scale'"><p class="fr-callout__text">Le barème de l'exercice n'est pas complet : l'estimation ne peut pas être calculée. Contactez votre Caf.</p></xsl:when>
          <xsl:otherwise><p class="fr-callout__text">L'estimation ne peut pas être calculée avec les données saisies.</p></xsl:otherwise>
        </xsl:choose>
      </div>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Consulter les conventions (seed 004): filters, then one row per
     convention with its actions. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Conventions</xsl:template>
  <xsl:template name="wide">yes</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="f" select="/page/filters"/>
    <xsl:call-template name="hab-breadcrumb"><xsl:with-param name="current">Consulter les conventions</xsl:with-param></xsl:call-template>
    <h1>Conventions</h1>
    <form method="get" action="/habilitations/conventions" class="fr-mb-4w">
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Filtrer convention par :</legend>
        <div class="fr-fieldset__element">
          <xsl:call-template name="field-text">
            <xsl:with-param name="name" select="'libelle'"/><xsl:with-param name="label">Libellé</xsl:with-param>
            <xsl:with-param name="default" select="$f/@libelle"/>
          </xsl:call-template>
        </div>
        <div class="fr-fieldset__element">
          <xsl:call-template name="field-select">
            <xsl:with-param name="name" select="'type'"/><xsl:with-param name="label">Type de partenaire</xsl:with-param>
            <xsl:with-param name="options" select="/page/partner-types/type"/>
            <xsl:with-param name="default" select="$f/@type"/><xsl:with-param name="placeholder">Tous</xsl:with-param>
          </xsl:call-template>
        </div>
        <div class="fr-fieldset__element">
          <xsl:call-template name="fixed-select">
            <xsl:with-param name="name" select="'statut'"/><xsl:with-param name="label">Statut</xsl:with-param>
            <xsl:with-param name="current" select="$f/@statut"/>
            <xsl:with-param name="options">open|Non clôturés uniquement;closed|Clôturés uniquement</xsl:with-param>
          </xsl:call-template>
        </div>
        <div class="fr-fieldset__element">
          <p class="fr-text--sm">CAF pivot : <xsl:value-of select="/page/conventions/convention[1]/@caf"/></p>
        </div>
        <div class="fr-fieldset__element">
          <xsl:call-template name="field-text">
            <xsl:with-param name="name" select="'partenaire'"/><xsl:with-param name="label">Partenaire</xsl:with-param>
            <xsl:with-param name="default" select="$f/@partenaire"/>
          </xsl:call-template>
        </div>
        <div class="fr-fieldset__element">
          <xsl:call-template name="fixed-select">
            <xsl:with-param name="name" select="'etat'"/><xsl:with-param name="label">État</xsl:with-param>
            <xsl:with-param name="current" select="$f/@etat"/>
            <xsl:with-param name="options">validee|Validée;non-validee|Non validée</xsl:with-param>
          </xsl:call-template>
        </div>
      </fieldset>
      <button class="fr-btn" type="submit">Filtrer</button>
    </form>
    <xsl:if test="/page/caller/@caf-admin">
      <p><a class="fr-btn fr-btn--secondary" href="/habilitations/conventions/nouvelle">Créer une convention</a></p>
    </xsl:if>
    <xsl:call-template name="data-table">
      <xsl:with-param name="caption">Conventions (<xsl:value-of select="count(/page/conventions/convention)"/>)</xsl:with-param>
      <xsl:with-param name="id" select="'conventions'"/>
      <xsl:with-param name="head">
        <th scope="col">Libellé</th><th scope="col">CAF pivot</th><th scope="col">Partenaire</th>
        <th scope="col">Date d'ouverture</th><th scope="col">Date de clôture</th><th scope="col">Statut</th>
        <th scope="col">État</th><th scope="col">Autres actions</th>
      </xsl:with-param>
      <xsl:with-param name="rows">
        <xsl:for-each select="/page/conventions/convention">
          <tr>
            <td><xsl:value-of select="@label"/></td>
            <td><xsl:value-of select="@caf"/></td>
            <td><xsl:value-of select="@partner"/></td>
            <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@opened-on"/></xsl:call-template></td>
            <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@closed-on"/></xsl:call-template></td>
            <td><xsl:call-template name="status-label"><xsl:with-param name="status" select="@status"/></xsl:call-template></td>
            <td><xsl:choose>
              <xsl:when test="@validated-on">Validée le <xsl:call-template name="date-fr"><xsl:with-param name="date" select="@validated-on"/></xsl:call-template></xsl:when>
              <xsl:otherwise>Non validée</xsl:otherwise>
            </xsl:choose></td>
            <td>
              <ul class="fr-links-group">
                <li><a class="fr-link" href="/habilitations/convention/{@id}/utilisateurs">Utilisateurs<span class="fr-sr-only"> de <xsl:value-of select="@label"/></span></a></li>
                <li><a class="fr-link" href="/habilitations/convention/{@id}/groupes">Groupes<span class="fr-sr-only"> de <xsl:value-of select="@label"/></span></a></li>
                <li><a class="fr-link" href="/habilitations/convention/{@id}">Détail de la convention<span class="fr-sr-only"> <xsl:value-of select="@label"/></span></a></li>
              </ul>
            </td>
          </tr>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>

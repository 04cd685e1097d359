<?xml version="1.0" encoding="UTF-8"?>
<!-- Fiche 4: the facility, its Caf referent, the explanation and its
     declarations with the action expected from this user. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title"><xsl:value-of select="/page/facility/name"/></xsl:template>

  <xsl:template name="content">
    <xsl:variable name="f" select="/page/facility"/>
    <h1><xsl:value-of select="$f/name"/></h1>
    <p><xsl:if test="normalize-space($f/address) != ''"><xsl:value-of select="$f/address"/>, </xsl:if><xsl:value-of select="$f/postal-code"/><xsl:text> </xsl:text><xsl:value-of select="$f/city"/><br/>
      Gestionnaire : <xsl:value-of select="$f/partner"/> — Type d'activité : <xsl:value-of select="$f/@kind"/></p>
    <div class="fr-callout fr-mb-3w">
      <h2 class="fr-callout__title">Votre référent Caf</h2>
      <xsl:choose>
        <xsl:when test="normalize-space($f/referent/email) != ''">
          <p class="fr-callout__text"><xsl:value-of select="$f/referent/name"/> (<xsl:value-of select="$f/referent/caf"/>)<br/>
            <a href="mailto:{$f/referent/email}"><xsl:value-of select="$f/referent/email"/></a> — <xsl:value-of select="$f/referent/phone"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="fr-callout__text">Aucun référent n'est encore désigné pour cet équipement : adressez-vous à la <xsl:value-of select="$f/referent/caf"/>.</p>
        </xsl:otherwise>
      </xsl:choose>
    </div>
    <p>Votre Caf vous demande de déclarer, pour chaque exercice, des données prévisionnelles, actualisées (pour les EAJE et les relais) puis réelles. Chaque déclaration passe par la saisie des données d'activité et financières, leurs contrôles, le contrôle de la déclaration puis sa transmission par l'approbateur. La fiche de synthèse PDF est disponible dès que les données d'activité sont saisies.</p>
    <h2>Déclarations</h2>
    <div class="fr-table"><table>
      <caption class="fr-sr-only">Déclarations de l'équipement</caption>
      <thead><tr><th scope="col">Exercice</th><th scope="col">Type</th><th scope="col">État</th><th scope="col">Action attendue</th><th scope="col">Date limite</th><th scope="col">Accès</th></tr></thead>
      <tbody>
        <xsl:for-each select="/page/declarations/declaration">
          <tr data-declaration="{@id}">
            <td><xsl:value-of select="@year"/></td><td><xsl:value-of select="@type-label"/></td>
            <td><xsl:value-of select="@state-label"/></td>
            <td><xsl:if test="@waiting"><span class="fr-icon-edit-line" aria-hidden="true"></span> </xsl:if><xsl:value-of select="@expected"/></td>
            <td><xsl:value-of select="@due"/></td>
            <td>
              <a class="fr-btn fr-btn--sm" href="{@href}">Accéder<span class="fr-sr-only"> à la déclaration <xsl:value-of select="@type-label"/><xsl:text> </xsl:text><xsl:value-of select="@year"/></span></a>
              <xsl:if test="@pdf"><xsl:text> </xsl:text><a class="fr-btn fr-btn--sm fr-btn--tertiary" href="{@pdf}">PDF</a></xsl:if>
              <xsl:if test="@can-correct">
                <form method="post" action="/declarations/declaration/{@id}/correction" class="fr-mt-1w">
                  <xsl:call-template name="csrf"/>
                  <button class="fr-btn fr-btn--sm" type="submit" name="mode" value="corriger">Corriger moi-même</button>
                  <xsl:text> </xsl:text>
                  <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit" name="mode" value="deleguer">Confier la correction aux fournisseurs</button>
                </form>
              </xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table></div>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Caf: open a campaign (appel de déclaration). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title">Appels de déclaration</xsl:template>

  <xsl:template name="content">
    <h1>Appels de déclaration</h1>
    <xsl:call-template name="form-errors"/>
    <form method="post" action="/declarations/campagnes">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="required-legend"/>
      <xsl:call-template name="field-text">
        <xsl:with-param name="name" select="'exercice'"/>
        <xsl:with-param name="label">Exercice</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:call-template name="field-select">
        <xsl:with-param name="name" select="'type'"/>
        <xsl:with-param name="label">Type de déclaration</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="options" select="/page/options/type"/>
      </xsl:call-template>
      <xsl:call-template name="field-select">
        <xsl:with-param name="name" select="'activite'"/>
        <xsl:with-param name="label">Type d'activité</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="options" select="/page/options/kind"/>
      </xsl:call-template>
      <xsl:call-template name="field-text">
        <xsl:with-param name="name" select="'date_limite'"/>
        <xsl:with-param name="label">Date limite de déclaration</xsl:with-param>
        <xsl:with-param name="hint">Format attendu : JJ/MM/AAAA</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Équipements concernés</legend>
        <xsl:for-each select="/page/facilities/facility">
          <div class="fr-fieldset__element"><div class="fr-checkbox-group">
            <input type="checkbox" name="equipement" value="{@id}" id="eq-{@id}">
              <xsl:if test="/page/values/value[@name='equipement'] = @id"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <label class="fr-label" for="eq-{@id}"><xsl:value-of select="."/> (<xsl:value-of select="@kind"/>, <xsl:value-of select="@city"/>)</label>
          </div></div>
        </xsl:for-each>
      </fieldset>
      <button class="fr-btn" type="submit">Ouvrir l'appel de déclaration</button>
    </form>
    <h2 class="fr-mt-4w">Appels récents</h2>
    <div class="fr-table"><table>
      <caption class="fr-sr-only">Appels de déclaration de votre Caf</caption>
      <thead><tr><th scope="col">Exercice</th><th scope="col">Type</th><th scope="col">Activité</th><th scope="col">Date limite</th><th scope="col">Déclarations</th></tr></thead>
      <tbody>
        <xsl:for-each select="/page/campaigns/campaign">
          <tr><td><xsl:value-of select="@year"/></td><td><xsl:value-of select="@type-label"/></td><td><xsl:value-of select="@kind"/></td><td><xsl:value-of select="@due"/></td><td><xsl:value-of select="@declarations"/></td></tr>
        </xsl:for-each>
      </tbody>
    </table></div>
  </xsl:template>

</xsl:stylesheet>

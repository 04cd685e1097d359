<?xml version="1.0" encoding="UTF-8"?>
<!-- Caf administrator: the year's scale (barème) per activity. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title">Barèmes</xsl:template>

  <xsl:template name="content">
    <xsl:variable name="s" select="/page/selection"/>
    <h1>Barème <xsl:value-of select="$s/@kind"/><xsl:text> </xsl:text><xsl:value-of select="$s/@year"/></h1>
    <form method="get" action="/declarations/baremes" class="fr-mb-3w">
      <label class="fr-label" for="b-year">Exercice</label>
      <input class="fr-input" id="b-year" name="exercice" value="{$s/@year}" inputmode="numeric"/>
      <label class="fr-label" for="b-kind">Activité</label>
      <select class="fr-select" id="b-kind" name="activite">
        <option value="EAJE"><xsl:if test="$s/@kind = 'EAJE'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>EAJE</option>
        <option value="ALSH"><xsl:if test="$s/@kind = 'ALSH'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>ALSH</option>
        <option value="RAM"><xsl:if test="$s/@kind = 'RAM'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>RAM</option>
      </select>
      <button class="fr-btn fr-btn--secondary fr-mt-1w" type="submit">Afficher</button>
    </form>
    <xsl:call-template name="form-errors"/>
    <xsl:choose>
      <xsl:when test="/page/scale/entry">
        <p>Les valeurs « illustratives » sont des valeurs de démonstration : remplacez-les par celles de la circulaire de la Cnaf de l'exercice.</p>
        <form method="post" action="/declarations/baremes">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="exercice" value="{$s/@year}"/>
          <input type="hidden" name="activite" value="{$s/@kind}"/>
          <xsl:for-each select="/page/scale/entry">
            <xsl:call-template name="field-text">
              <xsl:with-param name="name" select="concat('v_', @id)"/>
              <xsl:with-param name="label"><xsl:value-of select="@label"/> (<xsl:value-of select="@code"/>)</xsl:with-param>
              <xsl:with-param name="hint"><xsl:choose><xsl:when test="@provenance = 'official'">Valeur officielle</xsl:when><xsl:otherwise>Valeur illustrative</xsl:otherwise></xsl:choose><xsl:if test="@source"> — <xsl:value-of select="@source"/></xsl:if></xsl:with-param>
              <xsl:with-param name="default" select="@value"/>
              <xsl:with-param name="inputmode" select="'decimal'"/>
            </xsl:call-template>
          </xsl:for-each>
          <button class="fr-btn" type="submit">Enregistrer le barème</button>
        </form>
      </xsl:when>
      <xsl:otherwise><p>Aucun barème n'est chargé pour cet exercice et cette activité.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>

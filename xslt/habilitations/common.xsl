<?xml version="1.0" encoding="UTF-8"?>
<!-- Pieces shared by the habilitations views (included after ../layout.xsl). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Breadcrumb starting at the module's home. -->
  <xsl:template name="hab-breadcrumb">
    <xsl:param name="links"/>
    <xsl:param name="current"/>
    <xsl:call-template name="breadcrumb">
      <xsl:with-param name="links">
        <xsl:call-template name="breadcrumb-link">
          <xsl:with-param name="href" select="'/habilitations/'"/>
          <xsl:with-param name="label">Gestion des habilitations</xsl:with-param>
        </xsl:call-template>
        <xsl:copy-of select="$links"/>
      </xsl:with-param>
      <xsl:with-param name="current" select="$current"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="status-label">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'closed'">Clôturé</xsl:when>
      <xsl:otherwise>Ouvert</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="kind-nature">
    <xsl:param name="kind"/>
    <xsl:param name="nature"/>
    <xsl:value-of select="$kind"/>
    <xsl:choose>
      <xsl:when test="$nature = 'periscolaire'"> périscolaire</xsl:when>
      <xsl:when test="$nature = 'extrascolaire'"> extrascolaire</xsl:when>
      <xsl:when test="$nature = 'adolescents'"> accueil adolescents</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A select drawn by hand for fixed choices (roles, kinds, natures):
       options given as "value|label;value|label". -->
  <xsl:template name="fixed-select">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="current"/>
    <xsl:param name="options"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="placeholder">Tous</xsl:param>
    <xsl:variable name="error" select="/page/errors/error[@field = $name]"/>
    <div class="fr-select-group{substring(' fr-select-group--error', 1, 99 * boolean($error))}">
      <label class="fr-label" for="f-{$name}"><xsl:value-of select="$label"/>
        <xsl:if test="$required"><xsl:text> </xsl:text><span class="fr-required-mark" aria-hidden="true">*</span></xsl:if>
      </label>
      <select class="fr-select" id="f-{$name}" name="{$name}" aria-describedby="f-{$name}-messages">
        <option value=""><xsl:value-of select="$placeholder"/></option>
        <xsl:call-template name="fixed-options">
          <xsl:with-param name="rest" select="$options"/>
          <xsl:with-param name="current" select="$current"/>
        </xsl:call-template>
      </select>
      <div class="fr-messages-group" id="f-{$name}-messages" aria-live="polite">
        <xsl:for-each select="$error"><p class="fr-message fr-message--error"><xsl:value-of select="."/></p></xsl:for-each>
      </div>
    </div>
  </xsl:template>

  <xsl:template name="fixed-options">
    <xsl:param name="rest"/>
    <xsl:param name="current"/>
    <xsl:if test="$rest != ''">
      <xsl:variable name="item">
        <xsl:choose>
          <xsl:when test="contains($rest, ';')"><xsl:value-of select="substring-before($rest, ';')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="v" select="substring-before($item, '|')"/>
      <option value="{$v}">
        <xsl:if test="$v = $current"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:value-of select="substring-after($item, '|')"/>
      </option>
      <xsl:call-template name="fixed-options">
        <xsl:with-param name="rest" select="substring-after($rest, ';')"/>
        <xsl:with-param name="current" select="$current"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:variable name="roles">activity_provider|Fournisseur de données d'activité;financial_provider|Fournisseur de données financières;approver|Approbateur;consultant|Consultant</xsl:variable>
  <xsl:variable name="kinds">EAJE|EAJE;ALSH|ALSH;RAM|RAM</xsl:variable>
  <xsl:variable name="natures">periscolaire|Périscolaire;extrascolaire|Extrascolaire;adolescents|Accueil adolescents</xsl:variable>

  <!-- The value typed (form redrawn) or else the filter's. -->
  <xsl:template name="typed-or">
    <xsl:param name="name"/>
    <xsl:param name="default"/>
    <xsl:choose>
      <xsl:when test="/page/values/value[@name = $name]"><xsl:value-of select="/page/values/value[@name = $name]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>

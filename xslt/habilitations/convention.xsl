<?xml version="1.0" encoding="UTF-8"?>
<!-- Détail de la convention: services (bulletins d'adhésion), facilities
     and their sites; the Caf administrator's forms to add them. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Détail de la convention</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="c" select="/page/convention"/>
    <xsl:variable name="admin" select="/page/caller/@caf-admin"/>
    <xsl:call-template name="hab-breadcrumb">
      <xsl:with-param name="links"><xsl:call-template name="breadcrumb-link"><xsl:with-param name="href" select="'/habilitations/conventions'"/><xsl:with-param name="label">Conventions</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">Détail de la convention</xsl:with-param>
    </xsl:call-template>
    <h1>Convention <xsl:value-of select="$c/@label"/></h1>
    <dl>
      <dt>Organisme partenaire</dt><dd><xsl:value-of select="$c/@partner"/> (<xsl:value-of select="$c/@partner-type"/>)</dd>
      <dt>CAF pivot</dt><dd><xsl:value-of select="$c/@caf"/></dd>
      <dt>Date d'ouverture</dt><dd><xsl:call-template name="date-fr"><xsl:with-param name="date" select="$c/@opened-on"/></xsl:call-template></dd>
      <xsl:if test="$c/@closed-on"><dt>Date de clôture</dt><dd><xsl:call-template name="date-fr"><xsl:with-param name="date" select="$c/@closed-on"/></xsl:call-template></dd></xsl:if>
      <dt>Statut</dt><dd><xsl:call-template name="status-label"><xsl:with-param name="status" select="$c/@status"/></xsl:call-template></dd>
      <dt>État</dt><dd><xsl:choose><xsl:when test="$c/@validated-on">Validée le <xsl:call-template name="date-fr"><xsl:with-param name="date" select="$c/@validated-on"/></xsl:call-template></xsl:when><xsl:otherwise>Non validée</xsl:otherwise></xsl:choose></dd>
    </dl>
    <ul class="fr-btns-group fr-btns-group--inline-md">
      <li><a class="fr-btn fr-btn--secondary" href="/habilitations/convention/{$c/@id}/utilisateurs">Utilisateurs</a></li>
      <li><a class="fr-btn fr-btn--secondary" href="/habilitations/convention/{$c/@id}/groupes">Groupes</a></li>
      <xsl:if test="$admin">
        <li><a class="fr-btn fr-btn--secondary" href="/habilitations/convention/{$c/@id}/equipement">Créer un équipement</a></li>
        <li><a class="fr-btn fr-btn--secondary" href="/habilitations/convention/{$c/@id}/administrateur">Désigner l'administrateur partenaire</a></li>
      </xsl:if>
    </ul>
    <h2>Services ouverts (bulletins d'adhésion)</h2>
    <ul>
      <xsl:for-each select="/page/services/service">
        <li><xsl:value-of select="@code"/> — portée <xsl:choose><xsl:when test="@scope = 'multi_caf'">multi-caf</xsl:when><xsl:when test="@scope = 'national'">nationale</xsl:when><xsl:otherwise>locale</xsl:otherwise></xsl:choose>, depuis le <xsl:call-template name="date-fr"><xsl:with-param name="date" select="@opened-on"/></xsl:call-template></li>
      </xsl:for-each>
    </ul>
    <xsl:if test="$admin">
      <form method="post" action="/habilitations/convention/{$c/@id}/service" class="fr-mb-4w">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="field-text"><xsl:with-param name="name" select="'service'"/><xsl:with-param name="label">Service (ex. AFAS, CDAP)</xsl:with-param></xsl:call-template>
        <xsl:call-template name="fixed-select">
          <xsl:with-param name="name" select="'portee'"/><xsl:with-param name="label">Portée</xsl:with-param>
          <xsl:with-param name="options">local|Locale;multi_caf|Multi-caf;national|Nationale</xsl:with-param>
          <xsl:with-param name="placeholder">Choisir</xsl:with-param>
        </xsl:call-template>
        <button class="fr-btn fr-btn--secondary" type="submit">Ajouter le service</button>
      </form>
    </xsl:if>
    <h2>Équipements et lieux d'implantation</h2>
    <xsl:for-each select="/page/facilities/facility">
      <h3 class="fr-h6"><xsl:value-of select="@name"/> — <xsl:call-template name="kind-nature"><xsl:with-param name="kind" select="@kind"/><xsl:with-param name="nature" select="@nature"/></xsl:call-template> (<xsl:value-of select="@code"/>)</h3>
      <xsl:if test="site">
        <ul><xsl:for-each select="site"><li><xsl:value-of select="@name"/><xsl:if test="@city"> (<xsl:value-of select="@city"/>)</xsl:if></li></xsl:for-each></ul>
      </xsl:if>
      <xsl:if test="$admin">
        <form method="post" action="/habilitations/equipement/{@id}/lieu" class="fr-mb-3w">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="field-text"><xsl:with-param name="name" select="'nom'"/><xsl:with-param name="id" select="concat('lieu-', @id)"/><xsl:with-param name="label">Nouveau lieu d'implantation</xsl:with-param></xsl:call-template>
          <xsl:call-template name="field-text"><xsl:with-param name="name" select="'ville'"/><xsl:with-param name="id" select="concat('ville-', @id)"/><xsl:with-param name="label">Commune</xsl:with-param></xsl:call-template>
          <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">Ajouter le lieu</button>
        </form>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Home of the habilitations module: what this user may do here. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Gestion des habilitations</xsl:template>
  <xsl:template name="content">
    <h1>Gestion des habilitations</h1>
    <xsl:choose>
      <xsl:when test="/page/actions/action">
        <p>Votre interface est personnalisée selon les délégations qui vous ont été confiées.</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <xsl:for-each select="/page/actions/action">
            <li><a class="fr-btn fr-btn--secondary" id="action-{@key}" href="{@href}"><xsl:value-of select="."/></a></li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p>Aucune délégation de gestion des habilitations ne vous est confiée. Adressez-vous à l'administrateur de votre organisme.</p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>

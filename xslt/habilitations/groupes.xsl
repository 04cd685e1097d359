<?xml version="1.0" encoding="UTF-8"?>
<!-- Groups of a convention (AFAS-DECLARER, AFAS-HABILITER) and their members. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Groupes</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="c" select="/page/convention"/>
    <xsl:call-template name="hab-breadcrumb">
      <xsl:with-param name="links"><xsl:call-template name="breadcrumb-link"><xsl:with-param name="href" select="'/habilitations/conventions'"/><xsl:with-param name="label">Conventions</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">Groupes</xsl:with-param>
    </xsl:call-template>
    <h1>Groupes</h1>
    <p>Convention sélectionnée : <xsl:value-of select="$c/@label"/> — Organisme partenaire : <xsl:value-of select="$c/@partner"/></p>
    <xsl:if test="not(/page/groups/group)"><p>Aucun utilisateur n'appartient à un groupe.</p></xsl:if>
    <xsl:for-each select="/page/groups/group">
      <xsl:call-template name="data-table">
        <xsl:with-param name="caption"><xsl:value-of select="@code"/></xsl:with-param>
        <xsl:with-param name="id" select="concat('groupe-', position())"/>
        <xsl:with-param name="head"><th scope="col">Identifiant</th><th scope="col">Nom</th><th scope="col">Prénom</th><th scope="col">Date d'ouverture</th><th scope="col">Date de clôture</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="member">
            <tr>
              <td><a href="/habilitations/utilisateur/{@account-id}"><xsl:value-of select="@login"/></a></td>
              <td><xsl:value-of select="@last-name"/></td><td><xsl:value-of select="@first-name"/></td>
              <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@opened-on"/></xsl:call-template></td>
              <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@closed-on"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <p><a class="fr-link" href="/habilitations/conventions">Retour à la liste des conventions</a></p>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Détail de l'utilisateur: identity, roles with their state, groups. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Détail de l'utilisateur</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="u" select="/page/account"/>
    <xsl:variable name="c" select="/page/convention"/>
    <xsl:call-template name="hab-breadcrumb">
      <xsl:with-param name="links"><xsl:call-template name="breadcrumb-link"><xsl:with-param name="href" select="concat('/habilitations/convention/', $c/@id, '/utilisateurs')"/><xsl:with-param name="label">Liste des utilisateurs</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">Détail de l'utilisateur</xsl:with-param>
    </xsl:call-template>
    <h1><xsl:value-of select="$u/@first-name"/><xsl:text> </xsl:text><xsl:value-of select="$u/@last-name"/></h1>
    <dl>
      <dt>Identifiant</dt><dd id="identifiant"><xsl:value-of select="$u/@login"/></dd>
      <dt>Adresse mail</dt><dd><xsl:value-of select="$u/@email"/></dd>
      <dt>Téléphone</dt><dd><xsl:value-of select="$u/@phone"/></dd>
      <dt>Poste</dt><dd><xsl:choose><xsl:when test="$u/@mobility = 'itinerant'">Itinérant</xsl:when><xsl:otherwise>Sédentaire</xsl:otherwise></xsl:choose></dd>
      <dt>Date d'ouverture</dt><dd><xsl:call-template name="date-fr"><xsl:with-param name="date" select="$u/@opened-on"/></xsl:call-template></dd>
      <dt>Date de clôture</dt><dd><xsl:call-template name="date-fr"><xsl:with-param name="date" select="$u/@closed-on"/></xsl:call-template></dd>
      <dt>Statut</dt><dd id="statut"><xsl:call-template name="status-label"><xsl:with-param name="status" select="$u/@status"/></xsl:call-template></dd>
    </dl>
    <xsl:if test="$u/@manageable">
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><a class="fr-btn fr-btn--secondary" href="/habilitations/utilisateur/{$u/@id}/modifier">Modifier</a></li>
        <li><a class="fr-btn fr-btn--secondary" href="/habilitations/utilisateur/{$u/@id}/groupes">Gérer l'appartenance aux groupes</a></li>
        <xsl:if test="$u/@status = 'open'"><li><a class="fr-btn fr-btn--tertiary" href="/habilitations/utilisateur/{$u/@id}/cloturer">Clôturer le compte</a></li></xsl:if>
      </ul>
    </xsl:if>
    <h2>Habilitations</h2>
    <xsl:call-template name="data-table">
      <xsl:with-param name="caption">Rôles de l'utilisateur</xsl:with-param>
      <xsl:with-param name="caption-hidden" select="true()"/>
      <xsl:with-param name="id" select="'habilitations'"/>
      <xsl:with-param name="head"><th scope="col">Activité</th><th scope="col">Lieu</th><th scope="col">Rôle</th><th scope="col">Début</th><th scope="col">Fin</th><th scope="col">État</th></xsl:with-param>
      <xsl:with-param name="rows">
        <xsl:for-each select="/page/habilitations/habilitation">
          <tr><td><xsl:value-of select="@facility"/></td><td><xsl:value-of select="@site"/></td><td><xsl:value-of select="@role"/></td>
            <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@starts-on"/></xsl:call-template><xsl:if test="@validation = 'pending'">*</xsl:if></td>
            <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@ends-on"/></xsl:call-template></td>
            <td><xsl:value-of select="@state"/><xsl:if test="@validation = 'refused'"> (refusée par la Caf)</xsl:if></td></tr>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="/page/habilitations/habilitation[@validation = 'pending']"><p class="fr-text--sm">(*) En attente de validation par votre CAF.</p></xsl:if>
    <h2>Groupes</h2>
    <ul>
      <xsl:for-each select="/page/memberships/membership">
        <li><xsl:value-of select="@code"/> du <xsl:call-template name="date-fr"><xsl:with-param name="date" select="@opened-on"/></xsl:call-template><xsl:if test="@closed-on"> au <xsl:call-template name="date-fr"><xsl:with-param name="date" select="@closed-on"/></xsl:call-template></xsl:if></li>
      </xsl:for-each>
    </ul>
  </xsl:template>
</xsl:stylesheet>

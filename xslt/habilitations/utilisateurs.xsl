<?xml version="1.0" encoding="UTF-8"?>
<!-- Liste des utilisateurs of a convention (seed 004). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Liste des utilisateurs</xsl:template>
  <xsl:template name="wide">yes</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="c" select="/page/convention"/>
    <xsl:variable name="f" select="/page/filters"/>
    <xsl:call-template name="hab-breadcrumb">
      <xsl:with-param name="links"><xsl:call-template name="breadcrumb-link"><xsl:with-param name="href" select="'/habilitations/conventions'"/><xsl:with-param name="label">Conventions</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">Liste des utilisateurs</xsl:with-param>
    </xsl:call-template>
    <h1>Liste des utilisateurs</h1>
    <p>Convention sélectionnée : <strong><xsl:value-of select="$c/@label"/></strong> — Organisme partenaire : <strong><xsl:value-of select="$c/@partner"/></strong></p>
    <form method="get" action="/habilitations/convention/{$c/@id}/utilisateurs" class="fr-mb-4w">
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Filtrer utilisateur par :</legend>
        <div class="fr-fieldset__element"><xsl:call-template name="field-text"><xsl:with-param name="name" select="'identifiant'"/><xsl:with-param name="label">Identifiant</xsl:with-param><xsl:with-param name="default" select="$f/@identifiant"/></xsl:call-template></div>
        <div class="fr-fieldset__element"><xsl:call-template name="field-text"><xsl:with-param name="name" select="'nom'"/><xsl:with-param name="label">Nom</xsl:with-param><xsl:with-param name="default" select="$f/@nom"/></xsl:call-template></div>
        <div class="fr-fieldset__element"><xsl:call-template name="field-text"><xsl:with-param name="name" select="'prenom'"/><xsl:with-param name="label">Prénom</xsl:with-param><xsl:with-param name="default" select="$f/@prenom"/></xsl:call-template></div>
        <div class="fr-fieldset__element">
          <xsl:call-template name="field-select">
            <xsl:with-param name="name" select="'groupe'"/><xsl:with-param name="label">Sélectionner un groupe</xsl:with-param>
            <xsl:with-param name="options" select="/page/all-groups/group"/>
            <xsl:with-param name="default" select="$f/@groupe[. != '0']"/><xsl:with-param name="placeholder">Tous</xsl:with-param>
          </xsl:call-template>
        </div>
      </fieldset>
      <button class="fr-btn" type="submit">Filtrer</button>
    </form>
    <xsl:call-template name="data-table">
      <xsl:with-param name="caption">Utilisateurs (<xsl:value-of select="count(/page/users/user)"/>)</xsl:with-param>
      <xsl:with-param name="id" select="'utilisateurs'"/>
      <xsl:with-param name="head">
        <th scope="col">Identifiant</th><th scope="col">Nom</th><th scope="col">Prénom</th><th scope="col">Adresse mail</th>
        <th scope="col">Téléphone</th><th scope="col">Date d'ouverture</th><th scope="col">Date de clôture</th><th scope="col">Statut</th><th scope="col">Actions</th>
      </xsl:with-param>
      <xsl:with-param name="rows">
        <xsl:for-each select="/page/users/user">
          <tr>
            <td><xsl:value-of select="@login"/></td><td><xsl:value-of select="@last-name"/></td><td><xsl:value-of select="@first-name"/></td>
            <td><xsl:value-of select="@email"/></td><td><xsl:value-of select="@phone"/></td>
            <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@opened-on"/></xsl:call-template></td>
            <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@closed-on"/></xsl:call-template></td>
            <td><xsl:call-template name="status-label"><xsl:with-param name="status" select="@status"/></xsl:call-template></td>
            <td>
              <ul class="fr-links-group">
                <li><a class="fr-link" href="/habilitations/utilisateur/{@id}">Détail de l'utilisateur<span class="fr-sr-only"> <xsl:value-of select="@login"/></span></a></li>
                <xsl:if test="/page/caller/@grantor != 'none'">
                  <li><a class="fr-link" href="/habilitations/utilisateur/{@id}/modifier">Modifier<span class="fr-sr-only"> <xsl:value-of select="@login"/></span></a></li>
                  <xsl:if test="@status = 'open'"><li><a class="fr-link" href="/habilitations/utilisateur/{@id}/cloturer">Clôturer<span class="fr-sr-only"> <xsl:value-of select="@login"/></span></a></li></xsl:if>
                  <li><a class="fr-link" href="/habilitations/utilisateur/{@id}/groupes">Gérer l'appartenance aux groupes<span class="fr-sr-only"> de <xsl:value-of select="@login"/></span></a></li>
                </xsl:if>
              </ul>
            </td>
          </tr>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <ul class="fr-btns-group fr-btns-group--inline-md">
      <xsl:if test="/page/caller/@grantor != 'none'"><li><a class="fr-btn" href="/habilitations/convention/{$c/@id}/utilisateur/nouveau">Créer un utilisateur</a></li></xsl:if>
      <li><a class="fr-btn fr-btn--secondary" href="/habilitations/conventions">Retour à la liste des conventions</a></li>
    </ul>
  </xsl:template>
</xsl:stylesheet>

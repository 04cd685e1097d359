<?xml version="1.0" encoding="UTF-8"?>
<!-- Ajouter un utilisateur au groupe (seed 004) and close memberships. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Ajouter un utilisateur au groupe</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="u" select="/page/account"/>
    <xsl:variable name="c" select="/page/convention"/>
    <xsl:call-template name="hab-breadcrumb">
      <xsl:with-param name="links"><xsl:call-template name="breadcrumb-link"><xsl:with-param name="href" select="concat('/habilitations/convention/', $c/@id, '/utilisateurs')"/><xsl:with-param name="label">Liste des utilisateurs</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">Groupes de l'utilisateur</xsl:with-param>
    </xsl:call-template>
    <h1>Ajouter un utilisateur au groupe</h1>
    <xsl:call-template name="form-errors"/>
    <p>Convention sélectionnée : <xsl:value-of select="$c/@label"/> — Organisme partenaire : <xsl:value-of select="$c/@partner"/></p>
    <p>Utilisateur : <strong><xsl:value-of select="$u/@first-name"/><xsl:text> </xsl:text><xsl:value-of select="$u/@last-name"/></strong></p>
    <xsl:call-template name="required-legend"/>
    <form method="post" action="/habilitations/utilisateur/{$u/@id}/groupes" class="fr-mb-4w">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-select"><xsl:with-param name="name" select="'groupe'"/><xsl:with-param name="label">Groupe</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="options" select="/page/all-groups/group"/><xsl:with-param name="placeholder">Choisir un groupe existant</xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'date_ouverture'"/><xsl:with-param name="label">Date d'ouverture</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="hint">Format attendu : JJ/MM/AAAA</xsl:with-param><xsl:with-param name="default"><xsl:call-template name="date-fr"><xsl:with-param name="date" select="/page/today"/></xsl:call-template></xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'date_cloture'"/><xsl:with-param name="label">Date de clôture</xsl:with-param><xsl:with-param name="hint">Format attendu : JJ/MM/AAAA</xsl:with-param></xsl:call-template>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><button class="fr-btn" type="submit">Ajouter au groupe</button></li>
        <li><a class="fr-btn fr-btn--secondary" href="/habilitations/utilisateur/{$u/@id}">Annuler</a></li>
      </ul>
    </form>
    <h2>Appartenances</h2>
    <xsl:call-template name="data-table">
      <xsl:with-param name="caption">Appartenances aux groupes</xsl:with-param>
      <xsl:with-param name="caption-hidden" select="true()"/>
      <xsl:with-param name="id" select="'appartenances'"/>
      <xsl:with-param name="head"><th scope="col">Groupe</th><th scope="col">Date d'ouverture</th><th scope="col">Date de clôture</th><th scope="col">Action</th></xsl:with-param>
      <xsl:with-param name="rows">
        <xsl:for-each select="/page/memberships/membership">
          <tr><td><xsl:value-of select="@code"/></td>
            <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@opened-on"/></xsl:call-template></td>
            <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@closed-on"/></xsl:call-template></td>
            <td><xsl:if test="@open = '1'">
              <form method="post" action="/habilitations/appartenance/{@id}/cloturer"><xsl:call-template name="csrf"/>
                <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">Clore<span class="fr-sr-only"> l'appartenance à <xsl:value-of select="@code"/></span></button></form>
            </xsl:if></td></tr>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>

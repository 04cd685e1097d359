<?xml version="1.0" encoding="UTF-8"?>
<!-- Créer / modifier un utilisateur partenaire (seed 004). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title"><xsl:choose><xsl:when test="/page/form/@mode = 'edit'">Modifier un utilisateur</xsl:when><xsl:otherwise>Créer un utilisateur partenaire</xsl:otherwise></xsl:choose></xsl:template>
  <xsl:template name="content">
    <xsl:variable name="u" select="/page/account"/>
    <xsl:variable name="c" select="/page/convention"/>
    <xsl:variable name="edit" select="/page/form/@mode = 'edit'"/>
    <xsl:variable name="action">
      <xsl:choose>
        <xsl:when test="$edit">/habilitations/utilisateur/<xsl:value-of select="$u/@id"/>/modifier</xsl:when>
        <xsl:otherwise>/habilitations/convention/<xsl:value-of select="$c/@id"/>/utilisateur/nouveau</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="hab-breadcrumb">
      <xsl:with-param name="links"><xsl:call-template name="breadcrumb-link"><xsl:with-param name="href" select="concat('/habilitations/convention/', $c/@id, '/utilisateurs')"/><xsl:with-param name="label">Liste des utilisateurs</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current"><xsl:call-template name="title"/></xsl:with-param>
    </xsl:call-template>
    <h1><xsl:call-template name="title"/></h1>
    <xsl:call-template name="form-errors"/>
    <p>Convention sélectionnée : <xsl:value-of select="$c/@label"/> — Organisme partenaire : <xsl:value-of select="$c/@partner"/></p>
    <xsl:if test="$edit"><p>Identifiant : <strong><xsl:value-of select="$u/@login"/></strong></p></xsl:if>
    <xsl:call-template name="required-legend"/>
    <form method="post" action="{$action}">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'nom'"/><xsl:with-param name="label">Nom</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="default" select="$u/@last-name"/><xsl:with-param name="autocomplete" select="'off'"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'prenom'"/><xsl:with-param name="label">Prénom</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="default" select="$u/@first-name"/><xsl:with-param name="autocomplete" select="'off'"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'email'"/><xsl:with-param name="label">Adresse mail</xsl:with-param><xsl:with-param name="hint">Une adresse personnelle, jamais une boîte partagée. Format attendu : nom@domaine.fr</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="type" select="'email'"/><xsl:with-param name="default" select="$u/@email"/><xsl:with-param name="autocomplete" select="'off'"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'email_confirmation'"/><xsl:with-param name="label">Confirmer l'adresse mail</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="type" select="'email'"/><xsl:with-param name="default" select="$u/@email"/><xsl:with-param name="autocomplete" select="'off'"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'telephone'"/><xsl:with-param name="label">Téléphone</xsl:with-param><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="default" select="$u/@phone"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'telephone_confirmation'"/><xsl:with-param name="label">Confirmer le téléphone</xsl:with-param><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="default" select="$u/@phone"/></xsl:call-template>
      <xsl:variable name="mob"><xsl:call-template name="typed-or"><xsl:with-param name="name" select="'mobilite'"/><xsl:with-param name="default" select="$u/@mobility"/></xsl:call-template></xsl:variable>
      <fieldset class="fr-fieldset" id="f-mobilite-fieldset">
        <legend class="fr-fieldset__legend fr-fieldset__legend--regular">Poste de travail</legend>
        <div class="fr-fieldset__element"><div class="fr-radio-group">
          <input type="radio" id="f-mobilite" name="mobilite" value="sedentary"><xsl:if test="$mob != 'itinerant'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
          <label class="fr-label" for="f-mobilite">Sédentaire (possède un poste fixe)</label></div></div>
        <div class="fr-fieldset__element"><div class="fr-radio-group">
          <input type="radio" id="f-mobilite-2" name="mobilite" value="itinerant"><xsl:if test="$mob = 'itinerant'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
          <label class="fr-label" for="f-mobilite-2">Itinérant (poste de travail variable)</label></div></div>
      </fieldset>
      <xsl:variable name="today"><xsl:call-template name="date-fr"><xsl:with-param name="date" select="/page/today"/></xsl:call-template></xsl:variable>
      <xsl:variable name="opened"><xsl:choose><xsl:when test="$u/@opened-on"><xsl:call-template name="date-fr"><xsl:with-param name="date" select="$u/@opened-on"/></xsl:call-template></xsl:when><xsl:otherwise><xsl:value-of select="$today"/></xsl:otherwise></xsl:choose></xsl:variable>
      <xsl:variable name="closed"><xsl:call-template name="date-fr"><xsl:with-param name="date" select="$u/@closed-on"/></xsl:call-template></xsl:variable>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'date_ouverture'"/><xsl:with-param name="label">Date d'ouverture</xsl:with-param><xsl:with-param name="hint">Format attendu : JJ/MM/AAAA</xsl:with-param><xsl:with-param name="default" select="$opened"/><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'date_cloture'"/><xsl:with-param name="label">Date de clôture</xsl:with-param><xsl:with-param name="hint">Format attendu : JJ/MM/AAAA. À cette date, le compte est fermé et ses habilitations passent dans l'historique.</xsl:with-param><xsl:with-param name="default" select="$closed"/><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><button class="fr-btn" type="submit">Valider</button></li>
        <li><a class="fr-btn fr-btn--secondary" href="/habilitations/convention/{$c/@id}/utilisateurs">Annuler</a></li>
      </ul>
    </form>
  </xsl:template>
</xsl:stylesheet>

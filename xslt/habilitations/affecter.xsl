<?xml version="1.0" encoding="UTF-8"?>
<!-- Habiliter un utilisateur (seeds 003, 004): 1. the user, 2. the role
     and its start, 3. the scope (type, nature, activities or sites). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Habiliter un utilisateur</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="f" select="/page/filters"/>
    <xsl:variable name="role"><xsl:call-template name="typed-or"><xsl:with-param name="name" select="'role'"/><xsl:with-param name="default" select="$f/@role"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="hab-breadcrumb">
      <xsl:with-param name="links"><xsl:call-template name="breadcrumb-link"><xsl:with-param name="href" select="'/habilitations/recherche'"/><xsl:with-param name="label">Administration des profils</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">Habiliter un utilisateur</xsl:with-param>
    </xsl:call-template>
    <h1>Habiliter un utilisateur</h1>
    <xsl:call-template name="form-errors"/>
    <p>Vous pouvez habiliter un utilisateur pour un rôle :</p>
    <ul><li>sur une ou plusieurs activités</li><li>sur un ou plusieurs lieux d'implantation</li></ul>
    <xsl:call-template name="required-legend"/>
    <!-- "Afficher les activités" redraws this page (GET) with the choices;
         Enregistrer posts the same fields. -->
    <form method="get" action="/habilitations/affecter" id="formulaire-affecter">
      <h2 class="fr-h5">1. Sélectionner l'utilisateur</h2>
      <xsl:call-template name="field-select"><xsl:with-param name="name" select="'partenaire'"/><xsl:with-param name="label">Pour le partenaire ...</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="options" select="/page/partners/partner"/><xsl:with-param name="default" select="$f/@partenaire[. != '0']"/><xsl:with-param name="placeholder">Choisir</xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-select"><xsl:with-param name="name" select="'utilisateur'"/><xsl:with-param name="label">Pour l'utilisateur ...</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="options" select="/page/users/user"/><xsl:with-param name="groups" select="/page/users/group"/><xsl:with-param name="default" select="$f/@utilisateur"/><xsl:with-param name="placeholder">Choisir</xsl:with-param></xsl:call-template>
      <h2 class="fr-h5">2. Sélectionner le rôle</h2>
      <xsl:call-template name="fixed-select"><xsl:with-param name="name" select="'role'"/><xsl:with-param name="label">Au rôle de ...</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="current" select="$role"/><xsl:with-param name="options" select="$roles"/><xsl:with-param name="placeholder">Choisir</xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-text"><xsl:with-param name="name" select="'a_partir_du'"/><xsl:with-param name="label">À partir du ...</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="hint">Format attendu : JJ/MM/AAAA (date du jour par défaut)</xsl:with-param><xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="default"><xsl:choose><xsl:when test="$f/@a_partir_du != ''"><xsl:value-of select="$f/@a_partir_du"/></xsl:when><xsl:otherwise><xsl:call-template name="date-fr"><xsl:with-param name="date" select="/page/today"/></xsl:call-template></xsl:otherwise></xsl:choose></xsl:with-param></xsl:call-template>
      <h2 class="fr-h5">3. Sélectionner la portée</h2>
      <xsl:call-template name="fixed-select"><xsl:with-param name="name" select="'type'"/><xsl:with-param name="label">Type d'activité</xsl:with-param><xsl:with-param name="current" select="$f/@type"/><xsl:with-param name="options" select="$kinds"/></xsl:call-template>
      <xsl:call-template name="fixed-select"><xsl:with-param name="name" select="'nature'"/><xsl:with-param name="label">Nature d'activité</xsl:with-param><xsl:with-param name="current" select="$f/@nature"/><xsl:with-param name="options" select="$natures"/></xsl:call-template>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend fr-fieldset__legend--regular">Je souhaite créer des habilitations sur ...</legend>
        <div class="fr-fieldset__element fr-fieldset__element--inline"><div class="fr-radio-group">
          <input type="radio" id="f-portee" name="portee" value="activites"><xsl:if test="$f/@portee != 'lieux'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
          <label class="fr-label" for="f-portee">des activités</label></div></div>
        <div class="fr-fieldset__element fr-fieldset__element--inline"><div class="fr-radio-group">
          <input type="radio" id="f-portee-lieux" name="portee" value="lieux"><xsl:if test="$f/@portee = 'lieux'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>
          <label class="fr-label" for="f-portee-lieux">des lieux d'implantation</label></div></div>
      </fieldset>
      <button class="fr-btn fr-btn--secondary" type="submit" name="afficher" value="1">Afficher les activités</button>
    </form>
    <xsl:variable name="ch" select="/page/choices"/>
    <xsl:if test="$ch">
      <form method="post" action="/habilitations/affecter" class="fr-mt-4w">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="partenaire" value="{$f/@partenaire}"/>
        <input type="hidden" name="utilisateur" value="{$f/@utilisateur}"/>
        <input type="hidden" name="role" value="{$role}"/>
        <input type="hidden" name="a_partir_du" value="{$f/@a_partir_du}"/>
        <input type="hidden" name="type" value="{$f/@type}"/>
        <input type="hidden" name="nature" value="{$f/@nature}"/>
        <input type="hidden" name="portee" value="{$f/@portee}"/>
        <xsl:variable name="field"><xsl:choose><xsl:when test="$ch/@of = 'sites'">lieu</xsl:when><xsl:otherwise>activite</xsl:otherwise></xsl:choose></xsl:variable>
        <fieldset class="fr-fieldset" id="f-{$field}-fieldset">
          <legend class="fr-fieldset__legend">
            <xsl:choose><xsl:when test="$ch/@of = 'sites'">Lieux d'implantation</xsl:when><xsl:otherwise>Activités</xsl:otherwise></xsl:choose>
            <span class="fr-hint-text">La sélection d'au moins une <xsl:choose><xsl:when test="$ch/@of = 'sites'">lieu d'implantation</xsl:when><xsl:otherwise>activité</xsl:otherwise></xsl:choose> est obligatoire.</span>
          </legend>
          <xsl:if test="not($ch/choice)"><p>Aucune activité ne correspond à ces critères dans votre périmètre.</p></xsl:if>
          <xsl:if test="$ch/choice">
            <div class="fr-fieldset__element"><div class="fr-checkbox-group">
              <input type="checkbox" id="f-toutes" name="toutes" value="1"/>
              <label class="fr-label" for="f-toutes">Sélectionner <xsl:choose><xsl:when test="$ch/@of = 'sites'">tous les lieux d'implantation</xsl:when><xsl:otherwise>toutes les activités</xsl:otherwise></xsl:choose></label>
            </div></div>
          </xsl:if>
          <xsl:for-each select="$ch/choice">
            <xsl:variable name="v"><xsl:choose><xsl:when test="$ch/@of = 'sites'"><xsl:value-of select="concat(@facility-id, ':', @site-id)"/></xsl:when><xsl:otherwise><xsl:value-of select="@facility-id"/></xsl:otherwise></xsl:choose></xsl:variable>
            <div class="fr-fieldset__element"><div class="fr-checkbox-group">
              <input type="checkbox" id="f-{$field}-{position()}" name="{$field}" value="{$v}">
                <xsl:if test="/page/values/value[@name = $field] = $v"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <label class="fr-label" for="f-{$field}-{position()}"><xsl:value-of select="@name"/><xsl:if test="@site"> — <xsl:value-of select="@site"/></xsl:if>
                <span class="fr-hint-text"><xsl:call-template name="kind-nature"><xsl:with-param name="kind" select="@kind"/><xsl:with-param name="nature" select="@nature"/></xsl:call-template></span></label>
            </div></div>
          </xsl:for-each>
        </fieldset>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><button class="fr-btn" type="submit" name="enregistrer" value="1">Enregistrer</button></li>
          <li><button class="fr-btn fr-btn--secondary" type="submit" name="quitter" value="1">Enregistrer et quitter</button></li>
        </ul>
      </form>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Habilitations d'action sociale (seeds 003, 004): search with the state
     required, results grouped by activity, "Non attribué" for activities or
     sites lacking a role, and ending a role. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Habilitations d'action sociale</xsl:template>
  <xsl:template name="wide">yes</xsl:template>
  <xsl:template name="content">
    <xsl:variable name="f" select="/page/filters"/>
    <xsl:call-template name="hab-breadcrumb"><xsl:with-param name="current">Administration des profils</xsl:with-param></xsl:call-template>
    <h1>Habilitations d'action sociale</h1>
    <xsl:call-template name="form-errors"/>
    <p>Vous trouverez dans cette liste les habilitations de vos activités et de vos lieux d'implantation.</p>
    <p>Vous pouvez également obtenir la liste des activités et des lieux d'implantation pour lesquels des habilitations sont manquantes en utilisant le critère état « Non attribué ».</p>
    <form method="get" action="/habilitations/recherche" class="fr-mb-4w">
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-4"><xsl:call-template name="field-select"><xsl:with-param name="name" select="'partenaire'"/><xsl:with-param name="label">Partenaire</xsl:with-param><xsl:with-param name="options" select="/page/partners/partner"/><xsl:with-param name="default" select="$f/@partenaire[. != '0']"/><xsl:with-param name="placeholder">Choisir</xsl:with-param></xsl:call-template></div>
        <div class="fr-col-12 fr-col-md-4"><xsl:call-template name="field-select"><xsl:with-param name="name" select="'utilisateur'"/><xsl:with-param name="label">Utilisateur</xsl:with-param><xsl:with-param name="options" select="/page/users/user"/><xsl:with-param name="default" select="$f/@utilisateur[. != '0']"/><xsl:with-param name="placeholder">Tous</xsl:with-param></xsl:call-template></div>
        <div class="fr-col-12 fr-col-md-4"><xsl:call-template name="fixed-select"><xsl:with-param name="name" select="'role'"/><xsl:with-param name="label">Rôle</xsl:with-param><xsl:with-param name="current" select="$f/@role"/><xsl:with-param name="options" select="$roles"/></xsl:call-template></div>
        <div class="fr-col-12 fr-col-md-4"><xsl:call-template name="field-select"><xsl:with-param name="name" select="'activite'"/><xsl:with-param name="label">Activité</xsl:with-param><xsl:with-param name="options" select="/page/activities/activity"/><xsl:with-param name="default" select="$f/@activite[. != '0']"/><xsl:with-param name="placeholder">Toutes</xsl:with-param></xsl:call-template></div>
        <div class="fr-col-12 fr-col-md-4"><xsl:call-template name="fixed-select"><xsl:with-param name="name" select="'type'"/><xsl:with-param name="label">Type d'activité</xsl:with-param><xsl:with-param name="current" select="$f/@type"/><xsl:with-param name="options" select="$kinds"/></xsl:call-template></div>
        <div class="fr-col-12 fr-col-md-4"><xsl:call-template name="fixed-select"><xsl:with-param name="name" select="'nature'"/><xsl:with-param name="label">Nature d'activité</xsl:with-param><xsl:with-param name="current" select="$f/@nature"/><xsl:with-param name="options" select="$natures"/></xsl:call-template></div>
      </div>
      <fieldset class="fr-fieldset" id="f-etat-fieldset">
        <legend class="fr-fieldset__legend fr-fieldset__legend--regular">État de l'habilitation <span class="fr-required-mark" aria-hidden="true">*</span></legend>
        <xsl:call-template name="radio"><xsl:with-param name="name" select="'etat'"/><xsl:with-param name="value" select="'actif'"/><xsl:with-param name="label">Actif</xsl:with-param><xsl:with-param name="current" select="$f/@etat"/><xsl:with-param name="first" select="true()"/></xsl:call-template>
        <xsl:call-template name="radio"><xsl:with-param name="name" select="'etat'"/><xsl:with-param name="value" select="'historique'"/><xsl:with-param name="label">Historique</xsl:with-param><xsl:with-param name="current" select="$f/@etat"/></xsl:call-template>
        <xsl:call-template name="radio"><xsl:with-param name="name" select="'etat'"/><xsl:with-param name="value" select="'inactif'"/><xsl:with-param name="label">Inactif</xsl:with-param><xsl:with-param name="current" select="$f/@etat"/></xsl:call-template>
        <xsl:call-template name="radio"><xsl:with-param name="name" select="'etat'"/><xsl:with-param name="value" select="'non-attribue'"/><xsl:with-param name="label">Non attribué</xsl:with-param><xsl:with-param name="current" select="$f/@etat"/></xsl:call-template>
      </fieldset>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend fr-fieldset__legend--regular">Lieux d'implantation</legend>
        <xsl:call-template name="radio"><xsl:with-param name="name" select="'lieux'"/><xsl:with-param name="value" select="'oui'"/><xsl:with-param name="label">Oui</xsl:with-param><xsl:with-param name="current" select="$f/@lieux"/></xsl:call-template>
        <xsl:call-template name="radio"><xsl:with-param name="name" select="'lieux'"/><xsl:with-param name="value" select="'non'"/><xsl:with-param name="label">Non</xsl:with-param><xsl:with-param name="current" select="$f/@lieux"/></xsl:call-template>
      </fieldset>
      <p class="fr-text--sm">Tous les champs marqués d'un astérisque (*) sont obligatoires pour la recherche d'habilitations.</p>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><button class="fr-btn" type="submit">Rechercher</button></li>
        <li><a class="fr-btn fr-btn--secondary" href="/habilitations/recherche">Réinitialiser</a></li>
      </ul>
    </form>
    <xsl:variable name="r" select="/page/results"/>
    <xsl:if test="$r">
      <xsl:if test="not($r/activity)"><p id="aucun-resultat">Aucune habilitation ne correspond à ces critères.</p></xsl:if>
      <xsl:choose>
        <xsl:when test="$r/@state = 'non-attribue'">
          <xsl:for-each select="$r/activity">
            <section class="fr-mb-3w hab-unassigned">
              <h2 class="fr-h6">Activité : <xsl:value-of select="@name"/><xsl:if test="@site"> — <xsl:value-of select="@site"/></xsl:if></h2>
              <p>Rôles non attribués :</p>
              <ul><xsl:for-each select="missing"><li><xsl:value-of select="."/></li></xsl:for-each></ul>
            </section>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$r/activity">
            <xsl:call-template name="data-table">
              <xsl:with-param name="caption">Activité : <xsl:value-of select="@name"/><xsl:if test="@site"> — <xsl:value-of select="@site"/></xsl:if></xsl:with-param>
              <xsl:with-param name="id" select="concat('activite-', position())"/>
              <xsl:with-param name="head"><th scope="col">Rôle</th><th scope="col">Utilisateur</th><th scope="col">Début d'habilitation</th><th scope="col">Fin d'habilitation</th><th scope="col">Action</th></xsl:with-param>
              <xsl:with-param name="rows">
                <xsl:for-each select="habilitation">
                  <tr>
                    <td><xsl:value-of select="@role"/></td><td><xsl:value-of select="@user"/></td>
                    <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@starts-on"/></xsl:call-template><xsl:if test="@validation = 'pending'">*</xsl:if></td>
                    <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@ends-on"/></xsl:call-template></td>
                    <td><xsl:if test="@can-end">
                      <form method="post" action="/habilitations/habilitation/{@id}/fin"><xsl:call-template name="csrf"/>
                        <input type="hidden" name="retour" value="{/page/@path}"/>
                        <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-close-line" type="submit" title="Mettre fin à cette habilitation">Mettre fin<span class="fr-sr-only"> au rôle <xsl:value-of select="@role"/> de <xsl:value-of select="@user"/></span></button>
                      </form>
                    </xsl:if></td>
                  </tr>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:if test="$r//habilitation[@validation = 'pending']"><p class="fr-text--sm">(*) En attente de validation par votre CAF.</p></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <xsl:if test="/page/caller/@grantor != 'none'">
      <p><a class="fr-btn" href="/habilitations/affecter?partenaire={$f/@partenaire}">Affecter un rôle à un utilisateur habilité</a></p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="radio">
    <xsl:param name="name"/><xsl:param name="value"/><xsl:param name="label"/><xsl:param name="current"/><xsl:param name="first" select="false()"/>
    <div class="fr-fieldset__element fr-fieldset__element--inline"><div class="fr-radio-group">
      <xsl:variable name="rid"><xsl:value-of select="concat('f-', $name)"/><xsl:if test="not($first)"><xsl:value-of select="concat('-', $value)"/></xsl:if></xsl:variable>
      <input type="radio" id="{$rid}" name="{$name}" value="{$value}">
        <xsl:if test="$value = $current"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
      <label class="fr-label" for="{$rid}"><xsl:value-of select="$label"/></label>
    </div></div>
  </xsl:template>
</xsl:stylesheet>

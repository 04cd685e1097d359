<?xml version="1.0" encoding="UTF-8"?>
<!-- Responsables habilitations: the managers of the partner and the form
     to appoint one over a subset of the caller's own activities. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Responsables habilitations</xsl:template>
  <xsl:template name="content">
    <xsl:call-template name="hab-breadcrumb"><xsl:with-param name="current">Responsables habilitations</xsl:with-param></xsl:call-template>
    <h1>Responsables habilitations</h1>
    <xsl:call-template name="form-errors"/>
    <p>Un responsable habilitations gère les utilisateurs et leurs habilitations dans la limite des activités qui lui sont confiées ; il peut nommer d'autres responsables dans cette limite.</p>
    <xsl:call-template name="data-table">
      <xsl:with-param name="caption">Responsables en fonction</xsl:with-param>
      <xsl:with-param name="id" select="'responsables'"/>
      <xsl:with-param name="head"><th scope="col">Responsable</th><th scope="col">Depuis le</th><th scope="col">Activités confiées</th><th scope="col">Action</th></xsl:with-param>
      <xsl:with-param name="rows">
        <xsl:for-each select="/page/managers/manager">
          <tr><td><xsl:value-of select="@name"/> (<xsl:value-of select="@login"/>)</td>
            <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@opened-on"/></xsl:call-template></td>
            <td><xsl:for-each select="facility"><xsl:value-of select="."/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each></td>
            <td><xsl:if test="@can-end"><form method="post" action="/habilitations/responsable/{@grant-id}/fin"><xsl:call-template name="csrf"/>
              <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">Mettre fin<span class="fr-sr-only"> à la délégation de <xsl:value-of select="@name"/></span></button></form></xsl:if></td></tr>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <h2>Nommer un responsable habilitations</h2>
    <form method="post" action="/habilitations/responsables">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-select"><xsl:with-param name="name" select="'utilisateur'"/><xsl:with-param name="label">Utilisateur</xsl:with-param><xsl:with-param name="required" select="true()"/><xsl:with-param name="options" select="/page/users/user"/><xsl:with-param name="placeholder">Choisir</xsl:with-param></xsl:call-template>
      <fieldset class="fr-fieldset" id="f-activite-fieldset">
        <legend class="fr-fieldset__legend">Activités confiées <span class="fr-required-mark" aria-hidden="true">*</span></legend>
        <xsl:for-each select="/page/activities/activity">
          <div class="fr-fieldset__element"><div class="fr-checkbox-group">
            <input type="checkbox" id="f-activite-{position()}" name="activite" value="{@id}"><xsl:if test="position() = 1"><xsl:attribute name="aria-describedby">f-activite-messages</xsl:attribute></xsl:if></input>
            <label class="fr-label" for="f-activite-{position()}"><xsl:value-of select="."/></label>
          </div></div>
        </xsl:for-each>
        <div class="fr-messages-group" id="f-activite-messages" aria-live="polite"><xsl:for-each select="/page/errors/error[@field = 'activite']"><p class="fr-message fr-message--error"><xsl:value-of select="."/></p></xsl:for-each></div>
      </fieldset>
      <button class="fr-btn" type="submit">Nommer</button>
    </form>
  </xsl:template>
</xsl:stylesheet>

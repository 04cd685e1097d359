<?xml version="1.0" encoding="UTF-8"?>
<!-- The Caf's habilitation manager: approver grants waiting for validation. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:template name="title">Approbateurs à valider</xsl:template>
  <xsl:template name="wide">yes</xsl:template>
  <xsl:template name="content">
    <xsl:call-template name="hab-breadcrumb"><xsl:with-param name="current">Approbateurs à valider</xsl:with-param></xsl:call-template>
    <h1>Approbateurs à valider</h1>
    <p>La validation d'un approbateur vaut signature électronique : vérifiez que la personne désignée engage bien le gestionnaire.</p>
    <xsl:choose>
      <xsl:when test="not(/page/pending/habilitation)"><p id="aucune-validation">Aucune habilitation d'approbateur n'attend votre validation.</p></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="data-table">
          <xsl:with-param name="caption">Habilitations en attente (<xsl:value-of select="count(/page/pending/habilitation)"/>)</xsl:with-param>
          <xsl:with-param name="id" select="'en-attente'"/>
          <xsl:with-param name="head"><th scope="col">Partenaire</th><th scope="col">Équipement/service</th><th scope="col">Approbateur</th><th scope="col">À partir du</th><th scope="col">Décision</th></xsl:with-param>
          <xsl:with-param name="rows">
            <xsl:for-each select="/page/pending/habilitation">
              <tr>
                <td><xsl:value-of select="@partner"/></td>
                <td><xsl:value-of select="@facility"/> (<xsl:value-of select="@facility-code"/>)</td>
                <td><xsl:value-of select="@last-name"/><xsl:text> </xsl:text><xsl:value-of select="@first-name"/> — <xsl:value-of select="@login"/>, <xsl:value-of select="@email"/></td>
                <td><xsl:call-template name="date-fr"><xsl:with-param name="date" select="@starts-on"/></xsl:call-template></td>
                <td>
                  <form method="post" action="/habilitations/habilitation/{@id}/valider" class="fr-mb-1w"><xsl:call-template name="csrf"/>
                    <button class="fr-btn fr-btn--sm" type="submit">Valider<span class="fr-sr-only"> l'approbateur de <xsl:value-of select="@facility"/></span></button></form>
                  <form method="post" action="/habilitations/habilitation/{@id}/refuser"><xsl:call-template name="csrf"/>
                    <xsl:call-template name="field-text"><xsl:with-param name="name" select="'motif'"/><xsl:with-param name="id" select="concat('motif-', @id)"/><xsl:with-param name="label">Motif du refus</xsl:with-param></xsl:call-template>
                    <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">Refuser<span class="fr-sr-only"> l'approbateur de <xsl:value-of select="@facility"/></span></button></form>
                </td>
              </tr>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Caf: one transmitted declaration; validate with the final amount or
     reject with a reason. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title">Instruction</xsl:template>

  <xsl:template name="content">
    <xsl:variable name="d" select="/page/declaration"/>
    <h1><xsl:value-of select="/page/facility/name"/> — déclaration <xsl:value-of select="$d/@type-label"/><xsl:text> </xsl:text><xsl:value-of select="$d/@year"/></h1>
    <p>État : <xsl:value-of select="$d/@state-label"/><xsl:if test="$d/@digest"> — empreinte SHA-256 : <code><xsl:value-of select="$d/@digest"/></code></xsl:if></p>
    <p><a href="/declarations/declaration/{$d/@id}/synthese.pdf">Fiche de synthèse (PDF)</a></p>
    <xsl:call-template name="form-errors"/>
    <xsl:if test="/page/estimate"><p>Estimation transmise : <strong><xsl:value-of select="/page/estimate/@amount"/> €</strong></p></xsl:if>
    <xsl:if test="/page/comment"><p>Commentaire de l'approbateur : <xsl:value-of select="/page/comment"/></p></xsl:if>
    <div class="fr-table"><table>
      <caption>Données déclarées</caption>
      <thead><tr><th scope="col">Donnée</th><th scope="col">Valeur</th></tr></thead>
      <tbody>
        <xsl:for-each select="/page/summary/item">
          <tr><td><xsl:value-of select="@label"/></td><td><xsl:value-of select="@value"/><xsl:if test="@value and @suffix != ''"><xsl:text> </xsl:text><xsl:value-of select="@suffix"/></xsl:if></td></tr>
        </xsl:for-each>
      </tbody>
    </table></div>
    <xsl:if test="/page/explanations/explanation">
      <h2>Explications des contrôles</h2>
      <ul><xsl:for-each select="/page/explanations/explanation"><li><xsl:value-of select="@code"/> : <xsl:value-of select="."/></li></xsl:for-each></ul>
    </xsl:if>
    <xsl:if test="$d/can/@instruct">
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <form method="post" action="/declarations/instruction/{$d/@id}">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="decision" value="valider"/>
            <xsl:call-template name="field-text">
              <xsl:with-param name="name" select="'montant'"/>
              <xsl:with-param name="label">Montant retenu (€)</xsl:with-param>
              <xsl:with-param name="hint">Format attendu : 1 234,56</xsl:with-param>
              <xsl:with-param name="inputmode" select="'decimal'"/>
              <xsl:with-param name="default" select="/page/estimate/@amount"/>
            </xsl:call-template>
            <button class="fr-btn" type="submit">Valider la déclaration</button>
          </form>
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <form method="post" action="/declarations/instruction/{$d/@id}">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="decision" value="rejeter"/>
            <xsl:call-template name="field-textarea">
              <xsl:with-param name="name" select="'motif'"/>
              <xsl:with-param name="label">Motif du rejet</xsl:with-param>
              <xsl:with-param name="maxlength" select="2000"/>
            </xsl:call-template>
            <button class="fr-btn fr-btn--secondary" type="submit">Rejeter la déclaration</button>
          </form>
        </div>
      </div>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

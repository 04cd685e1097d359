<?xml version="1.0" encoding="UTF-8"?>
<!-- Step 6: summary of every value, the estimate, the comment, the
     attestation and the terms of use; "Transmettre" is irreversible. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>

  <xsl:template name="title">Transmission à la Caf</xsl:template>

  <xsl:template name="content">
    <xsl:variable name="d" select="/page/declaration"/>
    <xsl:call-template name="decl-header"/>
    <h2>Synthèse et transmission à la Caf</h2>
    <xsl:call-template name="form-errors"/>
    <xsl:call-template name="decl-notices"/>
    <xsl:if test="$d/@transmitted-at">
      <div class="fr-alert fr-alert--success fr-mb-2w">
        <p>Déclaration transmise le <xsl:value-of select="$d/@transmitted-at"/>. Empreinte SHA-256 de la déclaration signée : <code class="decl-digest"><xsl:value-of select="$d/@digest"/></code></p>
        <xsl:if test="$d/@final-amount"><p>Montant retenu par la Caf : <xsl:value-of select="$d/@final-amount"/> €</p></xsl:if>
      </div>
    </xsl:if>
    <p><a class="fr-link fr-icon-file-pdf-line fr-link--icon-left" href="/declarations/declaration/{$d/@id}/synthese.pdf">Fiche de synthèse (PDF)</a></p>
    <xsl:call-template name="decl-estimate"/>
    <xsl:for-each select="/page/summary/item[not(@section = preceding-sibling::item/@section)]">
      <xsl:variable name="s" select="@section"/>
      <div class="fr-table fr-mb-2w">
        <table>
          <caption><xsl:choose><xsl:when test="$s = 'financial'">Données financières</xsl:when><xsl:otherwise>Données d'activité</xsl:otherwise></xsl:choose></caption>
          <thead><tr><th scope="col">Donnée</th><th scope="col">Valeur déclarée</th></tr></thead>
          <tbody>
            <xsl:for-each select="/page/summary/item[@section = $s]">
              <tr><td><xsl:value-of select="@label"/></td><td><xsl:value-of select="@value"/><xsl:if test="@value and @suffix != ''"><xsl:text> </xsl:text><xsl:value-of select="@suffix"/></xsl:if></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:for-each>
    <xsl:if test="/page/comment"><p><strong>Commentaire : </strong><xsl:value-of select="/page/comment"/></p></xsl:if>
    <xsl:if test="/page/transmit/@open">
      <form method="post" action="/declarations/declaration/{$d/@id}/transmission">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="row_version" value="{$d/@row-version}"/>
        <xsl:call-template name="field-textarea">
          <xsl:with-param name="name" select="'commentaire'"/>
          <xsl:with-param name="label">Commentaire (complément d'information pour la Caf)</xsl:with-param>
          <xsl:with-param name="maxlength" select="2000"/>
        </xsl:call-template>
        <xsl:call-template name="field-checkbox">
          <xsl:with-param name="name" select="'attestation'"/>
          <xsl:with-param name="label">J'atteste la conformité des informations déclarées.</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="field-checkbox">
          <xsl:with-param name="name" select="'cgu'"/>
          <xsl:with-param name="label">J'accepte les conditions générales d'utilisation du service de transmission numérique de la déclaration.</xsl:with-param>
        </xsl:call-template>
        <div class="fr-alert fr-alert--warning fr-alert--sm fr-my-2w"><p>Après la transmission, il n'est plus possible de revenir en arrière. Pour toute modification, vous devrez contacter votre Caf.</p></div>
        <ul class="fr-btns-group fr-btns-group--inline">
          <li><a class="fr-btn fr-btn--secondary" href="/declarations/declaration/{$d/@id}/controle-global">Revenir au contrôle</a></li>
          <li><button class="fr-btn" type="submit">Transmettre</button></li>
        </ul>
      </form>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

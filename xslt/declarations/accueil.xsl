<?xml version="1.0" encoding="UTF-8"?>
<!-- Accueil (fiche 3): last sign-in notice, then the facilities where an
     action is expected from this user and how many. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title">Accueil</xsl:template>

  <xsl:template name="content">
    <xsl:variable name="h" select="/page/home"/>
    <h1>Bienvenue <xsl:value-of select="$h/@first-name"/><xsl:text> </xsl:text><xsl:value-of select="$h/@last-name"/></h1>
    <xsl:if test="$h/previous-login">
      <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
        <p class="decl-previous-login"><xsl:value-of select="$h/previous-login"/></p>
        <p><xsl:value-of select="$h/previous-login/@advice"/></p>
      </div>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$h/caf">
        <p><xsl:value-of select="$h/caf/@to-instruct"/> déclaration(s) transmise(s) attendent l'instruction de votre Caf.</p>
        <ul class="fr-btns-group fr-btns-group--inline">
          <xsl:if test="$h/caf/@instructor"><li><a class="fr-btn" href="/declarations/instruction">Instruire les déclarations</a></li></xsl:if>
          <li><a class="fr-btn fr-btn--secondary" href="/declarations/campagnes">Appels de déclaration</a></li>
          <xsl:if test="$h/caf/@admin"><li><a class="fr-btn fr-btn--secondary" href="/declarations/baremes">Barèmes</a></li></xsl:if>
        </ul>
      </xsl:when>
      <xsl:when test="$h/facilities/facility">
        <h2>Équipements pour lesquels une action est attendue</h2>
        <p><xsl:value-of select="$h/facilities/@waiting-total"/> déclaration(s) attendent une action de votre part.</p>
        <div class="fr-table"><table>
          <caption class="fr-sr-only">Équipements avec une action attendue</caption>
          <thead><tr><th scope="col">Équipement</th><th scope="col">Commune</th><th scope="col">Déclarations à traiter</th><th scope="col">Action</th></tr></thead>
          <tbody>
            <xsl:for-each select="$h/facilities/facility">
              <tr><td><xsl:value-of select="name"/></td><td><xsl:value-of select="city"/></td><td class="decl-waiting"><xsl:value-of select="@waiting"/></td>
                <td><a class="fr-btn fr-btn--sm" href="/declarations/equipement/{@id}">Accéder<span class="fr-sr-only"> à <xsl:value-of select="name"/></span></a></td></tr>
            </xsl:for-each>
          </tbody>
        </table></div>
      </xsl:when>
      <xsl:otherwise><p>Aucune déclaration n'attend d'action de votre part.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>

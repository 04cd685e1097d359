<?xml version="1.0" encoding="UTF-8"?>
<!-- Caf: transmitted declarations awaiting instruction. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title">Instruction des déclarations</xsl:template>

  <xsl:template name="content">
    <h1>Instruction des déclarations</h1>
    <xsl:choose>
      <xsl:when test="/page/declarations/declaration">
        <div class="fr-table"><table>
          <caption class="fr-sr-only">Déclarations transmises</caption>
          <thead><tr><th scope="col">Équipement</th><th scope="col">Exercice</th><th scope="col">Type</th><th scope="col">Transmise le</th><th scope="col">Estimation</th><th scope="col">Accès</th></tr></thead>
          <tbody>
            <xsl:for-each select="/page/declarations/declaration">
              <tr><td><xsl:value-of select="@facility"/></td><td><xsl:value-of select="@year"/></td><td><xsl:value-of select="@type-label"/><xsl:if test="@version &gt; 1"> (v<xsl:value-of select="@version"/>)</xsl:if></td><td><xsl:value-of select="@transmitted"/></td><td><xsl:value-of select="@estimate"/> €</td>
                <td><a class="fr-btn fr-btn--sm" href="/declarations/instruction/{@id}">Instruire<span class="fr-sr-only"> la déclaration de <xsl:value-of select="@facility"/></span></a></td></tr>
            </xsl:for-each>
          </tbody>
        </table></div>
      </xsl:when>
      <xsl:otherwise><p>Aucune déclaration transmise n'attend d'instruction.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- Déclarer mes données: the user's facilities. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>

  <xsl:template name="title">Déclarer mes données</xsl:template>

  <xsl:template name="content">
    <h1>Déclarer mes données</h1>
    <xsl:choose>
      <xsl:when test="/page/facilities/facility">
        <div class="fr-table"><table>
          <caption class="fr-sr-only">Vos équipements</caption>
          <thead><tr><th scope="col">Équipement</th><th scope="col">Type</th><th scope="col">Code postal</th><th scope="col">Commune</th><th scope="col">Déclarations à traiter</th><th scope="col">Action</th></tr></thead>
          <tbody>
            <xsl:for-each select="/page/facilities/facility">
              <tr><td><xsl:value-of select="name"/></td><td><xsl:value-of select="@kind"/></td><td><xsl:value-of select="postal-code"/></td><td><xsl:value-of select="city"/></td><td><xsl:value-of select="@waiting"/></td>
                <td><a class="fr-btn fr-btn--sm" href="/declarations/equipement/{@id}">Accéder<span class="fr-sr-only"> à <xsl:value-of select="name"/></span></a></td></tr>
            </xsl:for-each>
          </tbody>
        </table></div>
      </xsl:when>
      <xsl:otherwise><p>Vous n'avez de rôle sur aucun équipement. Adressez-vous à l'administrateur de votre organisme.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="utf-8"?>
<!-- Shows a feed document as a page when it is opened in a browser; feed readers ignore it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="no"/>
  <xsl:template match="/atom:feed">
    <html lang="{@xml:lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="atom:title"/> (web feed)</title>
        <style>:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fdfdfb;--muted:#5a5a5a;--link:#0b57b5;--rule:#ddd}@media (prefers-color-scheme:dark){:root{--fg:#e8e6e3;--bg:#16181b;--muted:#a9a9a9;--link:#8ab4f8;--rule:#333}}*{box-sizing:border-box}body{margin:0 auto;max-width:44rem;padding:1rem;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}a{color:var(--link)}header{border-bottom:1px solid var(--rule);padding-bottom:.5rem;margin-bottom:1rem}header .site{font-weight:600;text-decoration:none}h1{font-size:1.7rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.2rem;line-height:1.3;margin:1.5rem 0 .25rem}article{border-bottom:1px solid var(--rule);padding-bottom:.75rem}.credit,.meta,footer{color:var(--muted);font-size:.95rem}.credit a{color:inherit}.lede{font-size:1.1rem}.subscribe-box{border:1px solid var(--rule);border-radius:.4rem;padding:.5rem .75rem}ul.feeds{padding-left:1.2rem}ul.feeds li{margin:.4rem 0}code{font-size:.9em}footer{border-top:1px solid var(--rule);margin-top:2rem;padding-top:.5rem}</style>
      </head>
      <body>
        <header><a class="site" href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></header>
        <main>
          <p class="subscribe-box"><strong>This is a web feed.</strong> To follow these stories, copy this URL into
            your feed reader: <code><xsl:value-of select="atom:link[@rel='self']/@href"/></code></p>
          <h1><xsl:value-of select="atom:title"/></h1>
          <xsl:if test="atom:subtitle"><p class="lede"><xsl:value-of select="atom:subtitle"/></p></xsl:if>
          <xsl:apply-templates select="atom:entry"/>
        </main>
        <footer>Republished with credit to the original outlets.</footer>
      </body>
    </html>
  </xsl:template>
  <xsl:template match="atom:entry">
    <article>
      <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <p class="credit">
        <xsl:choose>
          <xsl:when test="atom:source/atom:title">Originally published by <xsl:value-of select="atom:source/atom:title"/></xsl:when>
          <xsl:otherwise>Published</xsl:otherwise>
        </xsl:choose>
        <xsl:text> (By </xsl:text>
        <xsl:for-each select="atom:author/atom:name">
          <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
        <xsl:if test="atom:published">; published <xsl:value-of select="substring(atom:published, 1, 10)"/></xsl:if>
        <xsl:text>).</xsl:text>
        <xsl:if test="atom:link[@rel='related']"><xsl:text> </xsl:text><a href="{atom:link[@rel='related']/@href}">Read it here</a>.</xsl:if>
      </p>
      <p><xsl:value-of select="atom:summary"/></p>
    </article>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  gongkai: shows an RSS 2.0 or Atom feed of this site as a readable page when a
  browser opens it. Feed readers ignore this file. Placeholders between double
  percent signs are filled in per language by gongkai/feeds.py (stylesheet()).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="description" select="/rss/channel/description | /atom:feed/atom:subtitle"/>
  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[not(@rel) or @rel='alternate']/@href"/>
  <xsl:variable name="entries" select="/rss/channel/item | /atom:feed/atom:entry"/>

  <xsl:template match="/">
    <html lang="%%lang%%">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/></title>
        <style>
          body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif;
                 color: #1f1f1f; background: #fafafa; }
          main, .gk-about { max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem; }
          .gk-about-wrap { background: #fdecea; border-bottom: 3px solid #c62828; }
          .gk-about h2 { margin: .25rem 0; font-size: 1.15rem; }
          .gk-about code { display: block; padding: .5rem; background: #fff; border: 1px solid #d7b2ae;
                           overflow-wrap: anywhere; user-select: all; }
          h1 { font-size: 1.5rem; line-height: 1.3; }
          a { color: #b71c1c; }
          ol { padding-left: 1.25rem; }
          li { margin: 0 0 1.25rem; }
          li a { font-weight: 600; }
          .gk-date { color: #555; font-size: .9rem; }
          .gk-summary { margin: .25rem 0 0; color: #333; }
        </style>
      </head>
      <body>
        <div class="gk-about-wrap">
          <section class="gk-about" aria-labelledby="gk-about-heading">
            <h2 id="gk-about-heading">%%heading%%</h2>
            <p>%%what%%</p>
            <p>%%address%% <code><xsl:value-of select="$self"/></code></p>
            <p><a href="%%subscribe%%">%%more%%</a></p>
          </section>
        </div>
        <main>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="$description"/></p>
          <p><a href="{$home}">%%site%%</a></p>
          <h2>%%latest%%</h2>
          <xsl:choose>
            <xsl:when test="$entries">
              <ol><xsl:apply-templates select="$entries"/></ol>
            </xsl:when>
            <xsl:otherwise><p>%%empty%%</p></xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- RSS 2.0 item. pubDate is "Tue, 01 Mar 2022 00:00:00 +0800"; shown as 2022-03-01. -->
  <xsl:template match="item">
    <xsl:variable name="month" select="string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', substring(pubDate, 9, 3))) div 3 + 1"/>
    <li>
      <a href="{link}"><xsl:value-of select="title"/></a>
      <div class="gk-date">%%published%%
        <time datetime="{concat(substring(pubDate, 13, 4), '-', format-number($month, '00'), '-', substring(pubDate, 6, 2))}">
          <xsl:value-of select="concat(substring(pubDate, 13, 4), '-', format-number($month, '00'), '-', substring(pubDate, 6, 2))"/>
        </time>
      </div>
      <xsl:if test="description">
        <p class="gk-summary"><xsl:value-of select="description"/></p>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- Atom entry. An English feed marks untranslated Chinese text with xml:lang. -->
  <xsl:template match="atom:entry">
    <li>
      <a href="{atom:link[not(@rel) or @rel='alternate']/@href}">
        <xsl:if test="atom:title/@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="atom:title/@xml:lang"/></xsl:attribute></xsl:if>
        <xsl:value-of select="atom:title"/>
      </a>
      <div class="gk-date">%%published%%
        <time datetime="{substring(atom:published, 1, 10)}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
      </div>
      <xsl:if test="atom:summary">
        <p class="gk-summary">
          <xsl:if test="atom:summary/@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="atom:summary/@xml:lang"/></xsl:attribute></xsl:if>
          <xsl:value-of select="atom:summary"/>
        </p>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>

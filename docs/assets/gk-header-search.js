// Puts a search button in the header, leading to the search page of the page's language.
// Material only draws its own button for its built-in search, which this site replaces with
// Pagefind; without JavaScript the 搜索 / Search navigation entry still leads there.
(function () {
  const target = document.querySelector('meta[name="gk-search-page"]');
  const header = document.querySelector(".md-header__inner");
  const icon = document.getElementById("gk-search-icon");
  if (!target || !header || !icon || header.querySelector(".gk-header-search")) return;
  const link = document.createElement("a");
  link.href = target.content;
  link.className = "md-header__button md-icon gk-header-search";
  link.title = target.dataset.label;
  link.setAttribute("aria-label", target.dataset.label);
  link.append(icon.content.cloneNode(true));
  const source = header.querySelector(".md-header__source");
  header.insertBefore(link, source);
})();

// gongkai portal behaviour, loaded in the head of every page (a file, for the Content-Security-Policy):
// - the larger-text mode (适老化 / 大字版): a header switch that raises the font size and line spacing,
//   remembered across pages in localStorage and applied before the page is drawn;
// - the language switcher keeps a search page's query (?q=) when it leads to the other language.
(function () {
  const KEY = "gk-text-size";
  const root = document.documentElement;
  function remembered() {
    try { return localStorage.getItem(KEY) === "large"; } catch (e) { return false; }
  }
  function remember(large) {
    try { if (large) localStorage.setItem(KEY, "large"); else localStorage.removeItem(KEY); } catch (e) { /* private mode */ }
  }
  root.classList.toggle("gk-large", remembered());

  function addSwitch() {
    const meta = document.querySelector('meta[name="gk-text-size"]');
    const header = document.querySelector(".md-header__inner");
    const icon = document.getElementById("gk-text-size-icon");
    if (!meta || !header || !icon || header.querySelector(".gk-text-size")) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon gk-text-size";
    button.setAttribute("aria-label", meta.content);
    button.append(icon.content.cloneNode(true));
    const label = document.createElement("span");
    label.className = "gk-text-size__label";
    label.textContent = meta.content;
    label.setAttribute("aria-hidden", "true");
    button.append(label);
    function show() {
      const large = root.classList.contains("gk-large");
      button.setAttribute("aria-pressed", String(large));
      button.title = large ? meta.dataset.on : meta.dataset.off;
    }
    button.addEventListener("click", function () {
      const large = !root.classList.contains("gk-large");
      root.classList.toggle("gk-large", large);
      remember(large);
      show();
    });
    show();
    const before = header.querySelector(".gk-header-search") || header.querySelector(".md-header__source");
    header.insertBefore(button, before);
  }

  // A search page keeps ?q= up to date (gk-search.js); take it along to the other language's search page.
  document.addEventListener("click", function (event) {
    const link = event.target instanceof Element && event.target.closest("a.gk-language");
    if (!link || !document.querySelector("[data-gk-search]")) return;
    const query = new URLSearchParams(location.search).get("q");
    if (!query) return;
    const url = new URL(link.href);
    url.searchParams.set("q", query);
    link.href = url.href;
  }, true);

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addSwitch);
  else addSwitch();
})();

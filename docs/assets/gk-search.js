// gongkai search page: loads Pagefind's Component UI from the bundle the build wrote into
// pagefind/ (its index for this page's <html lang>), runs the query given as ?q= in the address
// and keeps ?q= up to date while the reader types, so a search can be linked and bookmarked.
const root = document.querySelector("[data-gk-search]");
if (root) {
  const bundle = new URL(root.dataset.gkBundle, location.href);
  const config = document.createElement("pagefind-config");
  config.setAttribute("bundle-path", bundle.pathname);
  // Result URLs are recorded from the site root; prefix them with where the site is served.
  config.setAttribute("base-url", new URL(root.dataset.gkRoot, location.href).pathname);
  root.prepend(config);
  await import(new URL("pagefind-component-ui.js", bundle).href);
  const instance = window.PagefindComponents.getInstanceManager().getInstance("default");
  // A large catalogue is indexed in partitions of years, each its own bundle (data-gk-merge): Pagefind
  // searches them all as one index. They need the same base URL as the first (it is not inherited).
  const baseUrl = config.getAttribute("base-url");
  instance.options.mergeIndex = (root.dataset.gkMerge || "").split(" ").filter(Boolean)
    .map((path) => ({ bundlePath: new URL(path, location.href).pathname, baseUrl }));
  instance.on("search", (term) => {
    const url = new URL(location.href);
    if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
    history.replaceState(history.state, "", url);
  });
  const query = new URLSearchParams(location.search).get("q");
  if (query && query.trim()) instance.triggerSearch(query.trim());
}
// Pagefind's filter menus open from a button with role="combobox", which takes its accessible name
// from aria-label only, not from its visible text: give each the text it shows (主题分类, 年份…).
if (root) {
  const name = () => root.querySelectorAll(".pf-dropdown-trigger").forEach((trigger) => {
    const label = trigger.querySelector(".pf-dropdown-trigger-label");
    if (label && trigger.getAttribute("aria-label") !== label.textContent) {
      trigger.setAttribute("aria-label", label.textContent);
    }
  });
  name();
  new MutationObserver(name).observe(root, { subtree: true, childList: true });
}

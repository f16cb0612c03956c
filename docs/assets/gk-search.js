// gongkai search page: loads Pagefind's Component UI from the bundle the build wrote into
// pagefind/ (its index for this page's <html lang>), runs the query given as ?q= in the address
// and keeps ?q= up to date while the reader types, so a search can be linked and bookmarked.
//
// A large catalogue is indexed in bundles of years, newest first (gongkai/search.py says which
// bundle holds which years). The first search covers the newest years only: data-gk-bundle, plus
// data-gk-merge when a year spans two bundles. The older years' bundles (data-gk-later) are merged
// when the reader presses the notice's button under the result count, or at once when the address
// asks for every year (?years=all, which the button also sets, so such a search can be linked).
const root = document.querySelector("[data-gk-search]");
const ALL_YEARS = ["years", "all"];
const paths = (value) => (value || "").split(" ").filter(Boolean).map((path) => new URL(path, location.href).pathname);

if (root) {
  const bundle = new URL(root.dataset.gkBundle, location.href);
  const config = document.createElement("pagefind-config");
  config.setAttribute("bundle-path", bundle.pathname);
  // Result URLs are recorded from the site root; prefix them with where the site is served.
  config.setAttribute("base-url", new URL(root.dataset.gkRoot, location.href).pathname);
  root.prepend(config);
  await import(new URL("pagefind-component-ui.js", bundle).href);
  const instance = window.PagefindComponents.getInstanceManager().getInstance("default");
  // Merged bundles need the same base URL as the first (it is not inherited).
  const baseUrl = config.getAttribute("base-url");
  const later = paths(root.dataset.gkLater);
  let everyYear = !later.length || new URLSearchParams(location.search).get(ALL_YEARS[0]) === ALL_YEARS[1];
  instance.options.mergeIndex = paths(root.dataset.gkMerge).concat(everyYear ? later : [])
    .map((bundlePath) => ({ bundlePath, baseUrl }));

  const notice = root.querySelector(".gk-search-years");
  const show = (state) => notice && notice.querySelectorAll("[data-gk-years-state]").forEach((part) => {
    part.hidden = part.dataset.gkYearsState !== state;
  });
  let loading = false;
  let moveFocus = false; // after the button: to the notice that replaces it, so focus is not lost
  const update = () => {
    if (loading) return;
    show(instance.searchTerm ? (everyYear ? "all" : "first") : null);
    if (moveFocus) notice.querySelector('[data-gk-years-state="all"]').focus();
    moveFocus = false;
  };
  if (later.length) instance.on("results", update);

  const address = (term) => {
    const url = new URL(location.href);
    if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
    if (everyYear && later.length) url.searchParams.set(...ALL_YEARS);
    history.replaceState(history.state, "", url);
  };
  instance.on("search", (term) => address(term));

  // Pagefind's JS API merges another bundle into an initialised instance (mergeIndex, as for
  // searching several sites); the Component UI reads its own mergeIndex option only when it loads.
  const searchEveryYear = async () => {
    loading = true;
    show("loading");
    notice.querySelector('[data-gk-years-state="loading"]').focus();
    await instance.triggerLoad();
    const pagefind = instance.__pagefind__;
    if (!pagefind || typeof pagefind.mergeIndex !== "function") {
      // Not the Pagefind this page was written for: let the address load every year instead.
      everyYear = true;
      address(instance.searchTerm);
      location.reload();
      return;
    }
    for (const bundlePath of later) await pagefind.mergeIndex(bundlePath, { baseUrl });
    await pagefind.filters(); // loads the new bundles' filters, so the year filter lists their years
    everyYear = true;
    loading = false;
    moveFocus = true;
    address(instance.searchTerm);
    instance.triggerSearch(instance.searchTerm);
  };
  const button = notice && notice.querySelector("[data-gk-all-years]");
  if (button) button.addEventListener("click", searchEveryYear);

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

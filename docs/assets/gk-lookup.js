// gongkai catalogue: the exact lookup by 索引号 (index number) or 发文字号 (document number).
// The year in the query (2025-00001, 〔2025〕) names the one small file data/lookup/<year>.json to
// fetch; an exact match opens the item's page. Anything else, or no match, falls back to the
// full-text search the form opens without JavaScript.
const form = document.querySelector("form[data-gk-lookup]");

// Full-width letters, digits and brackets as their ASCII forms, spaces dropped, upper case.
function normalise(text) {
  return text.normalize("NFKC").replace(/[〔［【]/g, "[").replace(/[〕］】]/g, "]").replace(/\s+/g, "")
    .toUpperCase();
}

function yearOf(query) {
  const found = query.match(/\/(\d{4})-\d{5}$/) || query.match(/[[(](\d{4})[\])]/);
  return found ? found[1] : null;
}

function say(result, text, query) {
  result.textContent = text.replace("{query}", query) + " ";
  const link = document.createElement("a");
  link.href = `${form.action}?q=${encodeURIComponent(query)}`;
  link.textContent = form.dataset.gkFulltext;
  result.append(link);
}

if (form) {
  const input = form.querySelector("input");
  const result = form.querySelector(".gk-lookup-result");
  form.addEventListener("submit", async (event) => {
    const query = input.value.trim();
    const wanted = normalise(query);
    const year = yearOf(wanted);
    if (!year) return; // not an index or document number: the full-text search
    event.preventDefault();
    let rows = [];
    try {
      const response = await fetch(new URL(`${year}.json`, new URL(form.dataset.gkLookup, location.href)));
      if (response.ok) rows = (await response.json()).items;
    } catch (error) {
      rows = [];
    }
    const match = rows.find(([indexNo, docNumber]) =>
      normalise(indexNo) === wanted || (docNumber && normalise(docNumber) === wanted));
    if (match) {
      location.assign(new URL(match[2], new URL(form.dataset.gkHome, location.href)));
    } else {
      say(result, form.dataset.gkNotFound, query);
    }
  });
}

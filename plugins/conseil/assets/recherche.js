// The search page (/recherche/?q=…&type=…): asks Pagefind's index (pagefind/pagefind.js, loaded from the
// site itself) and writes the results. Everything the reader typed, and every excerpt, is written as text
// (textContent): an excerpt's only markup, Pagefind's <mark>, is rebuilt as elements, never parsed as HTML.

const script = document.querySelector("script[data-index]");  // a module has no currentScript
const PAGE_SIZE = 5;  // results written at once: each one fetches its page's fragment
const FILTERS = ["type", "theme", "annee", "statut", "destinataire"];

const form = document.getElementById("recherche-formulaire");
const field = document.getElementById("recherche-q");
const status = document.getElementById("recherche-etat");
const list = document.getElementById("recherche-resultats");
const more = document.getElementById("recherche-plus");
const help = document.getElementById("recherche-aide");

// Accents folded, lower case; a plural reduced to what its singular starts with (« élus » -> « elu »,
// « relogements » -> « relogement », « régionaux » -> « regiona »): Pagefind matches the start of words and
// folds accents in its index, but its French stemmer keeps some plurals apart from their singular.
export function queryTerms(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean)
    .map((word) => word.length > 4 && word.endsWith("aux") ? word.slice(0, -2)
      : word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word);
}

function plural(count, one, many) {
  return `${count.toLocaleString("fr-FR")} ${count === 1 ? one : many}`;
}

// « fiche <mark>élu</mark> » -> text, <mark>text</mark>, … ; any other tag-like text stays text.
function excerptNodes(excerpt) {
  const nodes = [];
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === "<mark>") { marked = true; continue; }
    if (part === "</mark>") { marked = false; continue; }
    if (!part) continue;
    const text = document.createTextNode(decodeEntities(part));
    if (marked) {
      const mark = document.createElement("mark");
      mark.append(text);
      nodes.push(mark);
    } else {
      nodes.push(text);
    }
  }
  return nodes;
}

// Pagefind escapes &, <, > and quotes in excerpts: read them back as characters, without an HTML parser.
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&#x27;": "'" };
function decodeEntities(text) {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]);
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "cdd-recherche__resultat";
  const title = document.createElement("a");
  title.href = data.url;
  title.textContent = data.meta.title || data.url;
  const heading = document.createElement("h2");
  heading.append(title);
  item.append(heading);
  const facts = [data.meta.type, data.meta.date].filter(Boolean).join(" — ");
  if (facts) {
    const line = document.createElement("p");
    line.className = "cdd-recherche__type";
    line.textContent = facts;
    item.append(line);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "cdd-recherche__extrait";
  excerpt.append(...excerptNodes(data.excerpt || ""));
  item.append(excerpt);
  return item;
}

function described(query, filters) {
  const words = query ? ` pour « ${query} »` : "";
  const chosen = Object.keys(filters).length ? " avec les filtres choisis" : "";
  return words + chosen;
}

async function run() {
  const params = new URLSearchParams(location.search);
  const query = (params.get("q") || "").trim();
  const filters = {};
  field.value = query;
  for (const name of FILTERS) {
    const value = params.get(name);
    const select = form.elements[name];
    if (value && select) {
      select.value = value;
      if (select.value === value) filters[name] = value;  // a value the page does not offer is ignored
    }
  }
  // Nothing asked: the page says what can be searched. The field is not focused for the reader: the skip link
  // stays the first stop of the keyboard, as on every page.
  if (!query && !Object.keys(filters).length) return;
  status.textContent = "Recherche en cours…";
  let results;
  try {
    const pagefind = await import(new URL("pagefind.js", new URL(script.dataset.index, location.href)).href);
    // No worker: Pagefind's worker script is 12 KB more to fetch, for a search that takes milliseconds here.
    await pagefind.options({ baseUrl: new URL(script.dataset.racine + "/", location.href).pathname, noWorker: true,
                             excerptLength: 24 });
    const terms = queryTerms(query).join(" ");
    const search = await pagefind.search(terms || null, { filters });
    results = search.results;
  } catch (error) {
    status.textContent = "La recherche n'a pas pu être chargée. Réessayez, ou parcourez les listes de fiches.";
    return;
  }
  help.hidden = true;
  let shown = 0;
  async function showMore() {
    const page = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
    list.append(...page.map(resultItem));
    shown += page.length;
    more.hidden = shown >= results.length;
    return page.length;
  }
  await showMore();
  status.textContent = results.length
    ? `${plural(results.length, "résultat", "résultats")}${described(query, filters)}.`
    : `Aucun résultat${described(query, filters)}. Essayez d'autres mots ou retirez un filtre.`;
  more.addEventListener("click", async () => {
    const before = list.children.length;
    const added = await showMore();
    const first = list.children[before]?.querySelector("a");
    if (first) first.focus();  // the reader goes on from the first new result
    status.textContent = `${plural(added, "résultat de plus affiché", "résultats de plus affichés")}, ` +
      `${shown.toLocaleString("fr-FR")} sur ${results.length.toLocaleString("fr-FR")}.`;
  });
}

// Filters left at « Tous » stay out of the address: a shared search reads /recherche/?q=velo&type=reponses.
form.addEventListener("submit", () => {
  for (const select of form.querySelectorAll("select")) select.disabled = !select.value;
});
addEventListener("pageshow", () => {  // back to this page from the browser's cache: the filters work again
  for (const select of form.querySelectorAll("select")) select.disabled = false;
});

run();

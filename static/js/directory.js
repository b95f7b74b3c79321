// Directory filters without a full reload: when a facet or the sort order changes, the
// same URL the form would load is fetched, and the facets and results are swapped in;
// the address bar follows (shareable, back button works). Without JavaScript, the form's
// "Show companies" button does the same with a page load.
(function () {
  "use strict";
  var form = document.getElementById("directory-filters");
  if (!form || !window.fetch || !window.DOMParser) return;

  function swap(html) {
    var next = new DOMParser().parseFromString(html, "text/html");
    ["directory-results", "directory-filter-count"].forEach(function (id) {
      var current = document.getElementById(id);
      var fresh = next.getElementById(id);
      if (current && fresh) current.replaceWith(fresh);
    });
    var facets = form.querySelector(".facets");
    var freshFacets = next.querySelector("#directory-filters .facets");
    if (facets && freshFacets) {
      var focused = document.activeElement;
      var key = focused && focused.name ? [focused.name, focused.value] : null;
      facets.replaceWith(freshFacets);
      if (key) {
        var again = form.querySelector('input[name="' + key[0] + '"][value="' + CSS.escape(key[1]) + '"]');
        if (again) again.focus();
      }
    }
  }

  function load(url, push) {
    form.setAttribute("aria-busy", "true");
    fetch(url, { headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        swap(html);
        if (push) history.pushState(null, "", url);
      })
      .catch(function () { window.location.href = url; })
      .finally(function () { form.removeAttribute("aria-busy"); });
  }

  function formUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") params.append(name, value); // no empty q= in shared links
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  // On a phone the filters would push the companies a screen down: they start folded
  // there unless some are in use. Without JavaScript they stay open.
  var panel = document.getElementById("directory-filter-panel");
  if (panel && window.matchMedia("(max-width: 40em)").matches &&
      !panel.querySelector("input:checked")) {
    panel.open = false;
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "q") return; // the text box searches on submit
    load(formUrl(), true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(formUrl(), true);
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("#directory-results a[href^='?']");
    if (!link) return;
    event.preventDefault();
    load(window.location.pathname + link.getAttribute("href"), true);
  });
  window.addEventListener("popstate", function () { load(window.location.href, false); });
})();

// Starts the admin widgets that Wagtail would start with inline scripts, which the
// admin's Content-Security-Policy forbids (site/core/admin_csp.py writes the elements).
// <script type="application/json" data-admin-init="initDateChooser"
//   data-admin-init-target="id_date">{...}</script>  ->  initDateChooser("id_date", {...})
// With data-admin-init-new it is `new`. Elements added later (an inline panel's "Add"
// copies a template holding them) are started as they arrive: at once when jQuery
// inserts them, where Wagtail relies on the widget existing as soon as the form is in
// (a multiple-chooser panel sets the chosen page right after adding the form), and
// otherwise when the DOM reports them.
(function () {
  "use strict";

  window.kvarkenAdmin = {
    // wagtail-localize's editor: a global it expects, unless something set it already.
    defineGlobal: function (name, value) {
      if (typeof window[name] === "undefined") window[name] = value;
    },
  };

  function resolve(path) {
    return path.split(".").reduce(function (object, key) {
      return object == null ? undefined : object[key];
    }, window);
  }

  function start(element) {
    if (element.dataset.adminInitStarted) return;
    element.dataset.adminInitStarted = "true";
    var call = resolve(element.dataset.adminInit);
    if (typeof call !== "function") {
      console.error("admin-init: no function " + element.dataset.adminInit);
      return;
    }
    var text = element.textContent.trim();
    var args = [];
    if (element.dataset.adminInitTarget) args.push(element.dataset.adminInitTarget);
    if (text && text !== "null") args.push(JSON.parse(text));
    if (element.hasAttribute("data-admin-init-new")) {
      new (Function.prototype.bind.apply(call, [null].concat(args)))();
    } else {
      call.apply(null, args);
    }
  }

  function startWithin(root) {
    if (root.matches && root.matches("script[data-admin-init]")) start(root);
    if (root.querySelectorAll) root.querySelectorAll("script[data-admin-init]").forEach(start);
  }

  var started = false;

  // jQuery runs inserted inline scripts synchronously; these elements are not scripts
  // to it, so start them right after each insertion, as the inline scripts would be.
  if (window.jQuery) {
    ["append", "prepend", "before", "after", "html", "replaceWith"].forEach(function (name) {
      var original = window.jQuery.fn[name];
      window.jQuery.fn[name] = function () {
        var result = original.apply(this, arguments);
        if (started && arguments.length) startWithin(document);
        return result;
      };
    });
  }

  function begin() {
    started = true;
    startWithin(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(startWithin);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", begin);
  } else {
    begin();
  }
})();

// wagtail-localize's "Translate" form: "Select all" ticks every language (its own inline
// script did this; the admin's Content-Security-Policy forbids inline scripts).
document.addEventListener("DOMContentLoaded", function () {
  var selectAll = document.querySelector('[name="select_all"]');
  var locales = document.querySelectorAll('[name="locales"]');
  if (!selectAll) return;
  selectAll.addEventListener("change", function () {
    locales.forEach(function (box) {
      box.checked = selectAll.checked;
    });
  });
});

// Behaviour that pages once wrote as inline event handlers, which the Content-Security-Policy forbids:
//   data-autosubmit            on a <select>: submit its form when the choice changes;
//   data-confirm="问题"         on a button or form: ask before submitting;
//   data-confirm-when="selector" (with data-confirm): ask only while that checkbox/radio is checked.
(function () {
  'use strict';
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t instanceof HTMLSelectElement && t.hasAttribute('data-autosubmit') && t.form) t.form.submit();
  });
  function confirmed(el) {
    var when = el.getAttribute('data-confirm-when');
    if (when) {
      var c = document.querySelector(when);
      if (!c || !c.checked) return true;
    }
    return window.confirm(el.getAttribute('data-confirm'));
  }
  document.addEventListener('click', function (e) {
    var el = e.target instanceof Element ? e.target.closest('button[data-confirm], input[type=submit][data-confirm], a[data-confirm]') : null;
    if (el && !confirmed(el)) e.preventDefault();
  });
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && form.hasAttribute('data-confirm') && !confirmed(form)) e.preventDefault();
  });
})();

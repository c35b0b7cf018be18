// 独立评分表 / 一致性评审: show the chosen band's descriptor under each percentage, fill the citation choices, confirm
// submitting. Plain script. The score sheet sends the band texts once (JSON in #score-bands) and the citation choices
// once (<template id="citation-options">) instead of repeating them for every item (bench/README.md “Peak day”).
(function () {
  'use strict';
  var island = document.getElementById('score-bands');
  var bands = island ? JSON.parse(island.textContent) : null;
  var none = '请选择评分档和得分率。';

  function describe(select) {
    if (bands) {
      var v = select.value === '' ? NaN : parseInt(select.value, 10);
      for (var i = 0; i < bands.length; i++) {
        if (v >= bands[i].min && v <= bands[i].max) return bands[i].range + ' 档：' + bands[i][select.dataset.kind];
      }
      return none;
    }
    // The consensus page keeps the descriptor on each band's <optgroup>.
    var option = select.options[select.selectedIndex];
    var group = option && option.parentNode && option.parentNode.tagName === 'OPTGROUP' ? option.parentNode : null;
    return group ? group.dataset.desc : none;
  }

  document.querySelectorAll('select[data-band-target]').forEach(function (select) {
    select.addEventListener('change', function () {
      var out = document.getElementById(select.dataset.bandTarget);
      if (out) out.textContent = describe(select);
    });
  });

  // Each citation <select> arrives with “（不引用）” and its current choice only; the full list is copied in here,
  // for the rows on the page and for rows added later (application-form.js inserts them from a template).
  var citations = document.getElementById('citation-options');
  function fill(select) {
    if (select.dataset.filled) return;
    select.dataset.filled = '1';
    var current = select.value;
    while (select.options.length > 1) select.remove(1);
    select.appendChild(citations.content.cloneNode(true));
    select.value = current;
  }
  function fillWithin(node) {
    if (!node.querySelectorAll) return;
    if (node.matches('select[data-citations]')) fill(node);
    node.querySelectorAll('select[data-citations]').forEach(fill);
  }
  if (citations) {
    fillWithin(document.body);
    new MutationObserver(function (records) {
      records.forEach(function (r) { r.addedNodes.forEach(fillWithin); });
    }).observe(document.body, { childList: true, subtree: true });
  }

  document.querySelectorAll('[data-confirm-submit]').forEach(function (button) {
    button.addEventListener('click', function (e) {
      if (!window.confirm(button.dataset.confirmSubmit)) e.preventDefault();
    });
  });
})();
